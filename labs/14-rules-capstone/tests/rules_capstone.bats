#!/usr/bin/env bats
# Lab 14, capstone: graded checks. Run them with `make grade LAB=14`.
# For each of your three rules (labs/14-rules-capstone/rules.yaml):
#   - it fires on its attack's capture, on the attack's own events;
#   - it is silent on the normal capture and on the other two attacks';
#   - its alert names the program and what it touched.
# No kernel is needed: the captures are files (tests/captures/, made by
# record.sh), read with this lab's scaplab-monitor -r and scap-open -r.

load ../../tools/lab_helpers

EXERCISE_CODE=([14.1]="the rule 'Connection to a mining pool port' in labs/14-rules-capstone/rules.yaml"
	[14.2]="the rule 'Log file wiped' in labs/14-rules-capstone/rules.yaml"
	[14.3]="the rule 'Memory mapped writable and executable' in labs/14-rules-capstone/rules.yaml")

RULES=$LAB_DIR/rules.yaml
CAPS=$LAB_DIR/tests/captures
MONITOR=$LAB_BUILD/scaplab-monitor

# The attack of each rule, and the events a rule for it must catch: each
# filter picks one event of the attack (tests/attack.c).
declare -gA ATTACK=([Connection to a mining pool port]=miner
	[Log file wiped]=logwipe
	[Memory mapped writable and executable]=loader)
declare -gA KEY_EVENTS=(
	[miner]="evt.type = connect and evt.dir = < and fd.sport = 3333"
	[logwipe]="evt.type = openat and evt.dir = < and fd.name = /var/log/scaplab-auth.log and evt.arg.flags contains O_TRUNC|evt.type = unlinkat and evt.dir = < and evt.arg.name = /var/log/scaplab-wtmp"
	[loader]="evt.type = mmap and evt.dir = > and evt.arg.prot contains PROT_WRITE and evt.arg.prot contains PROT_EXEC")
# What the alert must name, besides the program (its comm, "attack").
declare -gA OBJECT=([miner]=3333 [logwipe]=/var/log/scaplab- [loader]=PROT_EXEC)

setup() {
	[[ -x $MONITOR ]] || fail "$MONITOR is missing: run 'make lab-system LAB=14' (it needs libyaml-dev: make setup)"
	run "$MONITOR" --validate "$RULES"
	[[ $status == 0 ]] || fail "your rules do not load:
$output"
}

# alert_count LINES: "1 alert", "3 alerts".
alert_count() {
	local n
	n=$(grep -c . <<<"$1")
	echo "$n alert$( ((n == 1)) || echo s)"
}

# condition RULE: the rule's condition, its macros and lists replaced.
condition() {
	"$MONITOR" --list "$RULES" 2>/dev/null |
		awk -v r="$1" 'found { sub(/^  /, ""); print; exit } index($0, r " (") == 1 { found = 1 }'
}

# alerts RULE CAPTURE: the text of each alert of RULE on CAPTURE, a line each.
alerts() {
	"$MONITOR" -r "$CAPS/$2.scap" --json "$RULES" 2>/dev/null |
		jq -r --arg r "$1" 'select(.rule == $r) | .output'
}

# fires RULE: its alerts on its attack, on each of the attack's key events.
fires() {
	local rule=$1 attack=${ATTACK[$1]} cond key want got missing=0
	cond=$(condition "$rule")
	[[ -n $cond ]] || fail "no rule named '$rule' in $RULES (the grader looks for that name)"
	got=$(alerts "$rule" "$attack")
	if [[ -z $got ]]; then
		echo "on tests/captures/$attack.scap, '$rule' raised no alert; its condition:"
		echo "  $cond"
		return 1
	fi
	IFS='|' read -ra key <<<"${KEY_EVENTS[$attack]}"
	# One attack event, one alert (its enter and exit events may both count).
	if (($(grep -c . <<<"$got") > 2 * ${#key[@]})); then
		echo "'$rule' raised $(alert_count "$got") on tests/captures/$attack.scap, for" \
			"${#key[@]} attack event(s): an analyst gets a page of alerts for one thing. The first ones:"
		head -n 4 <<<"$got" | sed 's/^/  /'
		echo "its condition: $cond"
		return 1
	fi
	# Which events the condition passes, by number, next to the ones it must.
	got=$("$SCAP_OPEN" -r "$CAPS/$attack.scap" -p '%evt.num' "$cond" 2>/dev/null)
	for want in "${key[@]}"; do
		want=$("$SCAP_OPEN" -r "$CAPS/$attack.scap" -p '%evt.num' "$want" 2>/dev/null)
		[[ -n $want ]] || fail "the grader's own filter found nothing in $attack.scap: $want"
		if ! grep -qx "$want" <<<"$got"; then
			echo "'$rule' does not pass the attack's event $want:"
			"$SCAP_OPEN" -r "$CAPS/$attack.scap" -p '  %evt.num %evt.dir %evt.type %evt.args' \
				"evt.num = $want" 2>/dev/null
			missing=1
		fi
	done
	[[ $missing == 0 ]] || { echo "its condition: $cond"; return 1; }
}

# silent RULE: no alert on the normal capture, nor on the other attacks.
silent() {
	local rule=$1 cap got bad=0
	# A rule that fires on nothing is silent everywhere: no points for that.
	[[ -n $(alerts "$rule" "${ATTACK[$rule]}") ]] ||
		fail "'$rule' raises no alert on its attack (tests/captures/${ATTACK[$rule]}.scap) yet: its silence elsewhere counts once it does"
	for cap in normal miner logwipe loader; do
		[[ $cap == "${ATTACK[$rule]}" ]] && continue
		got=$(alerts "$rule" "$cap")
		[[ -z $got ]] && continue
		echo "on tests/captures/$cap.scap, '$rule' raised $(alert_count "$got"), where nothing is wrong:"
		head -n 3 <<<"$got" | sed 's/^/  /'
		bad=1
	done
	[[ $bad == 0 ]]
}

# names RULE: each alert on its attack names the program and the object.
names() {
	local rule=$1 attack=${ATTACK[$1]} got
	got=$(alerts "$rule" "$attack")
	[[ -n $got ]] || fail "'$rule' raised no alert on tests/captures/$attack.scap"
	if grep -qv -e attack <<<"$got" || grep -qvF -e "${OBJECT[$attack]}" <<<"$got"; then
		echo "each alert should name the program (attack) and '${OBJECT[$attack]}'; yours:"
		head -n 3 <<<"$got" | sed 's/^/  /'
		return 1
	fi
}

@test "14.1 [2 pts] the mining rule fires on the connection to port 3333, once" {
	fires "Connection to a mining pool port"
}

@test "14.1 [1 pt] the mining rule is silent on normal activity and on the other attacks" {
	silent "Connection to a mining pool port"
}

@test "14.1 [1 pt] the mining rule's alert names the program and the port" {
	names "Connection to a mining pool port"
}

@test "14.2 [2 pts] the log rule fires on the emptied log and on the deleted one, once each" {
	fires "Log file wiped"
}

@test "14.2 [1 pt] the log rule is silent on normal activity and on the other attacks" {
	silent "Log file wiped"
}

@test "14.2 [1 pt] the log rule's alert names the program and the file" {
	names "Log file wiped"
}

@test "14.3 [2 pts] the memory rule fires on the writable and executable mapping, once" {
	fires "Memory mapped writable and executable"
}

@test "14.3 [1 pt] the memory rule is silent on normal activity and on the other attacks" {
	silent "Memory mapped writable and executable"
}

@test "14.3 [1 pt] the memory rule's alert names the program and the protection" {
	names "Memory mapped writable and executable"
}
