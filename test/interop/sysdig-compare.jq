# One capture file, read twice: by scap-open -r and by Debian's sysdig
# 0.29 -r. Each event is matched by its number in the file, and each of
# our params against the one of the same name in sysdig's line. A param
# agrees if both print the same text, or if they differ only as a rule of
# sysdig-differences.json says (sysdig's way of printing, never a
# different value). test/interop/sysdig-compare.sh feeds it:
#
#   $ours     our events, --json (their params' names, in order)
#   $text     our events, as text lines (the values as we print them)
#   $sysdig   sysdig's lines: "NUM DIR TYPE ARGS"
#
# Both print what they know of an fd or a relative path after its value,
# "fd=3(<f>/etc/hosts)" (scap-open from libsinsp): these notes are
# compared as part of the value, and counted (notes_agree).
#   $rules    sysdig-differences.json

# Where $pat (a param name and "=", regex-safe) is first found in a string,
# in characters: jq 1.6's index() counts bytes, its slices characters.
def find($pat): [match($pat)] | if length == 0 then null else .[0].offset end;

# "NAME=value NAME2=value ..." split at the names we expect, in order:
# values may hold spaces, never " NAME2=" of the param that follows.
def split_params($s; $names):
	reduce range(0; $names | length) as $i ({pos: 0, vals: {}, ok: true};
		if .ok | not then . else
		($s[.pos:] | find((if $i == 0 then "" else " " end) + $names[$i] + "=")) as $at
		| if $at == null then .ok = false else
		  (.pos + $at + (if $i == 0 then 0 else 1 end) + ($names[$i] | length) + 1) as $start
		  | (if $i + 1 < ($names | length)
		     then ($s[$start:] | find(" " + $names[$i + 1] + "=")) else null end) as $len
		  | .vals[$names[$i]] = (if $len == null then $s[$start:] else $s[$start:$start + $len] end
					  | rtrimstr(" "))
		  | .pos = (if $len == null then ($s | length) else $start + $len end)
		  end end)
	| if .ok then .vals else null end;

# Our text line's params: what follows " DIR NAME " after the thread id.
def our_params($line; $e):
	("(\($e.tid)) \($e.dir) \($e.name)") as $head
	| ($line | find($head | gsub("(?<c>[()<>])"; "\\\(.c)"))) as $at
	| if $at == null then null else $line[$at + ($head | length):] | ltrimstr(" ") end;

def is_hex: test("^[0-9A-F]+$");

# sysdig's way with an fd's name: every byte that is not printable ASCII is '.'.
def dots_for_bytes:
	explode | map(if . >= 32 and . < 127 then [.]
		      elif . < 128 then [46]
		      elif . < 2048 then [46, 46]
		      elif . < 65536 then [46, 46, 46]
		      else [46, 46, 46, 46] end) | add // [] | implode;

# Which rule explains sysdig's $b for our $a (our JSON value $v), or null.
def explain($a; $b; $v):
	if $v == null then "empty_param"
	elif ($b | startswith($a + "(<")) and ($b | endswith(")")) then "fd_unknown"
	elif ($b | startswith($a + "(")) and ($b | endswith(")")) then "annotation"
	elif ($a | test("^-?[0-9]+\\(<")) and ($a | dots_for_bytes) == $b then "fd_name_unprintable"
	elif ($a | test("^[0-9]+\\(<4u>[^)]*->")) and ($b | test("^[0-9]+\\(<4u>")) then "udp4_tuple"
	elif ($a | gsub("(?<p>^| )-1:"; "\(.p)18446744073709551615:")) == $b then "fdlist_negative_fd"
	elif ($a | startswith("0x")) and ($b | is_hex) and
	     (($a[2:] | ascii_upcase | ltrimstr("0")) == ($b | ltrimstr("0"))) then "hex"
	elif ($b | endswith("...")) and ($a | startswith($b[:-3])) then "cut_80"
	elif ($b | length) as $n | ($n == 1023 or $n == 2047) and ($a | startswith($b)) then "cut_long"
	elif ($a | gsub("\\[(?<h>[0-9a-f:.]*)\\]"; "\(.h)")) == $b then "ipv6_brackets"
	elif ($v | type) == "string" and
	     ($v | explode | map(select(. >= 32 and . < 127)) | implode) == $b then "unprintable"
	else null end;

($sysdig | map(capture("^(?<num>[0-9]+) (?<dir>\\S+) (?<type>\\S+) ?(?<args>.*)$"))
 | map({key: .num, value: .}) | from_entries) as $sd
| [range(0; $ours | length) as $i
   | $ours[$i] as $e | (($i + 1) | tostring) as $num | $sd[$num] as $s
   | if $s == null then
	{rule: (if $e.raw and $e.params.type == 234 then "procinfo_hidden" else null end),
	 event: 1, where: "event \($num) \($e.name) \($e.dir): sysdig does not print it"}
     elif $s.type != $e.name then
	{event: 1, names: 0, rule: (if ($e.params.ID == "0") and $s.type == "<unknown>"
				   then "ppm_sc_unknown" else null end),
	 where: "event \($num): sysdig names it \($s.type), we name it \($e.name)"}
     elif $e.raw then
	# Params our schema does not describe: named and counted, not compared.
	{event: 1, names: 1, raw: 1}
     elif ($e.params | has("ID")) and $s.args == "" then
	# sysdig prints no params for a generic event: its name is the check.
	{event: 1, names: 1, generic: 1, rule: "generic_params_hidden"}
     else
	($e.params | keys_unsorted) as $names
	| split_params(our_params($text[$i]; $e) // ""; $names) as $a
	| split_params($s.args; $names) as $b
	| if $a == null or $b == null then
		{event: 1, names: 1, compared: ($names | length),
		 where: "event \($num) \($e.name) \($e.dir): cannot split params \($names) of \(if $a == null then "ours" else "sysdig's: \($s.args)" end)"}
	  else
		[$names[] as $p | ($a[$p]) as $x | ($b[$p]) as $y
		 | if $x == $y then {agree: 1, note: (if $x | test("^[^(]+\\((<|/)") then 1 else 0 end)}
		   else explain($x; $y; $e.params[$p]) as $r
		   | if $r then {agree: 1, rule: $r}
		     else {where: "event \($num) \($e.name) \($e.dir) \($p): ours \($x | tojson), sysdig \($y | tojson)"} end
		   end]
		| {event: 1, names: 1, compared: ($names | length), agree: (map(.agree // 0) | add // 0),
		   notes: (map(.note // 0) | add // 0),
		   rules: (map(select(.rule)) | group_by(.rule) | map({key: .[0].rule, value: length}) | from_entries),
		   diffs: [.[] | select(.where) | .where]}
	  end
     end]
| {events: length,
   names_agree: (map(.names // 0) | add),
   raw_events: (map(.raw // 0) | add),
   generic_events: (map(.generic // 0) | add),
   params_compared: (map(.compared // 0) | add),
   params_agree: (map(.agree // 0) | add),
   # ... of which an fd's name or a resolved path, "3(<f>/etc/hosts)", "dir(/tmp/dir)"
   notes_agree: (map(.notes // 0) | add),
   rules: (reduce (.[] | (.rules // {}) + (if .rule and .where == null then {(.rule): 1} else {} end)
		   | to_entries[]) as $r ({}; .[$r.key] += $r.value)),
   explained_events: [.[] | select(.rule and .where) | {rule, where}] | group_by(.rule)
		     | map({key: .[0].rule, value: {count: length, first: .[0].where}}) | from_entries,
   diffs: [.[] | (select(.where and (.rule | not)) | .where), (.diffs // [])[]]}
# A rule must be one sysdig-differences.json explains.
| .diffs += [(.rules | keys[]), (.explained_events | keys[])
	     | select(in($rules[0].rules) | not) | "rule \(.) is not in sysdig-differences.json"]
