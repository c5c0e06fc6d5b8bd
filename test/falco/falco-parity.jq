# Compares one workload run as our kmod ($s) and Falco's ($f) captured it
# (see falco-parity.sh): each an array of scap-open JSON events. $root is
# the workload's pid; $rules[0] is differences.json. Prints one line per
# difference that no rule explains; then, with counts, the documented
# param differences, the events Falco lost, and the syscalls not
# compared (Falco has a filler, we write the generic event); then the
# summary line.

def rules: $rules[0];

# The workload's processes: $root and every child a clone of theirs returned.
def tree($evts):
	. as $set
	| ([$evts[]
	    | select(.dir == "<" and (.name | test("^(clone|clone3|fork|vfork)$"))
		     and (.params.res // 0) > 0)
	    | select(.tid as $t | $set | index([$t]))
	    | .params.res] + $set | unique) as $next
	| if $next == $set then $set else $next | tree($evts) end;

# Our generic event (a syscall with no filler of ours): its only params
# are ID and, on enter, nativeID.
def generic: (.params | keys) as $k | $k == ["ID", "nativeID"] or $k == ["ID"];

# In Falco's file, read by scap-open -r: a generic event reads as ours
# (both drivers write Falco's syscall code as ID); an event our schema
# does not describe is "raw": Falco's name, its code in params.type, its
# params by position.
def falco_generic: generic;
def falco_unknown: .raw == true;

# A syscall event that one side writes with a schema the other lacks.
def other: generic or falco_generic or falco_unknown;

# Events of Falco's with no counterpart of ours (context switches, ...).
def falco_only: falco_unknown and ((.params.type | tostring) as $t | rules.falco_only_events | has($t));

# tid -> that thread's events in time order, without ts and cpu.
def by_thread($evts):
	([$root] | tree($evts)) as $pids
	| [$evts[] | select(.pid as $p | $pids | index([$p])) | select(falco_only | not)]
	| group_by(.tid)
	| map({key: (.[0].tid | tostring), value: (sort_by(.ts) | map({name, dir, params, raw}))})
	| from_entries;

def evlabel: if other then "other \(.dir)" else "\(.name) \(.dir)" end;

# The rule that explains param $p of our event $a against Falco's $b.
def param_rule($a; $b; $p):
	first(rules.params[]
	      | select(.event == $a.name and (.dir == null or .dir == $a.dir) and .param == $p)
	      | select((has("ours") | not) or .ours == $a.params[$p])
	      | select((has("falco") | not) or .falco == $b.params[$p])
	      | select((has("when") | not) or (.when | to_entries | all(.value == $a.params[.key])))
	      | select((.falco_zero_extends | not) or
		       ($a.params[$p] | type) == "number" and $a.params[$p] < 0 and
		       $b.params[$p] == $a.params[$p] + 4294967296)
	      | select((.ours_is_prefix | not) or
		       ($a.params[$p] | type) == "string" and ($b.params[$p] | type) == "string" and
		       ($b.params[$p] | startswith($a.params[$p])))) // null;

# One pair of events: the params compared, the rules that applied, the
# differences left.
def compare($tid; $a; $b):
	if ($a | generic) and ($b | falco_generic) then
		# Both generic: the same ID (Falco's syscall code) and, on enter,
		# the same nativeID.
		($a.params | keys) as $keys
		| [$keys[] | select($a.params[.] != $b.params[.])] as $bad
		| {compared: ($keys | length), agree: (($keys | length) - ($bad | length)), documented: [],
		   diffs: [$bad[] | "tid \($tid) \($a.name) \($a.dir): \(.) ours \($a.params[.]) falco \($b.params[.])"]}
	elif ($a | other) and ($b | other) then
		# A syscall Falco writes with its own event and we with the generic one.
		{compared: 0, agree: 0, not_ours: ["\($a.name)"], diffs: []}
	elif ($a | other) or ($b | other) then
		{compared: 0, agree: 0, documented: [],
		 diffs: ["tid \($tid): ours \($a.name) \($a.dir), Falco \($b.name) \($b.dir) \($b.params.type // "")"]}
	else
		([$a.params, $b.params] | map(keys) | add | unique) as $names
		| [$names[] | select($a.params[.] != $b.params[.])] as $bad
		| [$bad[] as $p | {p: $p, r: param_rule($a; $b; $p)}] as $why
		| {compared: ($names | length),
		   agree: (($names | length) - ($bad | length)),
		   documented: [$why[] | select(.r) | "\($a.name) \($a.dir) \(.p)"],
		   diffs: [$why[] | select(.r | not)
			   | "tid \($tid) \($a | evlabel) \(.p): ours \($a.params[.p] | tojson) falco \($b.params[.p] | tojson)"]}
	end;

# Walk one thread's two lists. An event of ours that Falco lacks is
# explained only by a "falco_lost" rule (dir "<" unless it says).
def walk($tid; $ours; $falco):
	def step($i; $j):
		if $i >= ($ours | length) and $j >= ($falco | length) then empty
		elif $i >= ($ours | length) then
			{diffs: ["tid \($tid): Falco has more events: \($falco[$j:] | map(evlabel) | join(", "))"]}
		elif $j >= ($falco | length) then
			{diffs: ["tid \($tid): ours has more events: \($ours[$i:] | map(evlabel) | join(", "))"]}
		elif ($ours[$i] | evlabel) == ($falco[$j] | evlabel) then
			compare($tid; $ours[$i]; $falco[$j]) + {pairs: 1}, step($i + 1; $j + 1)
		elif ([rules.falco_lost[] | select(.event == $ours[$i].name)
		       | select((.dir // "<") == $ours[$i].dir)
		       | select(.ours | to_entries | all(.value == $ours[$i].params[.key]))] | length) > 0 then
			{lost: [$ours[$i] | evlabel]}, step($i + 1; $j)
		else
			{diffs: ["tid \($tid) event \($i): ours \($ours[$i] | evlabel), Falco \($falco[$j] | evlabel); " +
				 "then ours [\($ours[$i:$i + 6] | map(evlabel) | join(", "))] " +
				 "Falco [\($falco[$j:$j + 6] | map(evlabel) | join(", "))]"]}
		end;
	step(0; 0);

by_thread($s) as $st
| by_thread($f) as $ft
| ([$st, $ft] | map(keys) | add | unique) as $tids
| [$tids[] as $tid | walk($tid; $st[$tid] // []; $ft[$tid] // [])] as $results
| ($results | map(.diffs // []) | add // []) as $diffs
| def tally($k): $results | map(.[$k] // []) | add // [] | group_by(.) | map("\(length) x \(.[0])") | join(", ");
  def total($k): $results | map(.[$k] // 0) | add // 0;
  def count($k): $results | map(.[$k] // [] | length) | add // 0;
  ($diffs[]),
  "documented param differences: \(tally("documented"))",
  "events Falco lost: \(tally("lost"))",
  "not compared, Falco has a filler and we write the generic event: \(tally("not_ours"))",
  "falco parity: \(total("agree")) of \(total("compared")) params agree in \(total("pairs")) event pairs of \($tids | length) threads; \(count("documented")) differ as documented, \($diffs | length) undocumented; \(count("lost")) events Falco lost; \(count("not_ours")) generic pairs not compared"
