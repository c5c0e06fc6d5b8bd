# Compares two captures of one workload run (see parity.sh): $k and $m,
# each an array of scap-open JSON events, by the drivers named $kname and
# $mname, and $root, the workload's pid. Prints one line per difference,
# then a summary line.

# The workload's processes: $root and every child a clone of theirs returned.
def tree($evts):
	. as $set
	| ([$evts[]
	    | select(.dir == "<" and (.name | test("^(clone|clone3|fork|vfork)$"))
		     and (.params.res // 0) > 0)
	    | select(.tid as $t | $set | index([$t]))
	    | .params.res] + $set | unique) as $next
	| if $next == $set then $set else $next | tree($evts) end;

# tid -> that thread's events in time order, without what may differ (ts, cpu).
def by_thread($evts):
	([$root] | tree($evts)) as $pids
	| [$evts[] | select(.pid as $p | $pids | index([$p]))]
	| group_by(.tid)
	| map({key: (.[0].tid | tostring),
	       value: (sort_by(.ts) | map({name, dir, params}))})
	| from_entries;

def evlabel: "\(.name) \(.dir)";

by_thread($k) as $kt | by_thread($m) as $mt
| ([$kt, $mt] | map(keys) | add | unique) as $tids
| [ $tids[] as $tid
    | ($kt[$tid] // []) as $ke | ($mt[$tid] // []) as $me
    | if ($ke | length) != ($me | length) then
	{diff: ("tid \($tid): \($kname) has \($ke | length) events, \($mname) \($me | length): " +
	       "\($kname) [\($ke | map(evlabel) | join(", "))] \($mname) [\($me | map(evlabel) | join(", "))]"),
	 compared: 0, agree: 0, pairs: 0}
      else
	range(0; $ke | length) as $i
	| $ke[$i] as $a | $me[$i] as $b
	| if ($a | evlabel) != ($b | evlabel) then
	    {diff: "tid \($tid) event \($i): \($kname) \($a | evlabel), \($mname) \($b | evlabel)",
	     compared: 0, agree: 0, pairs: 0}
	  else
	    ([$a.params, $b.params] | map(keys) | add | unique) as $names
	    | [$names[] | select($a.params[.] != $b.params[.])] as $bad
	    | {diff: (if ($bad | length) > 0 then
			("tid \($tid) \($a | evlabel): " +
			 ([$bad[] | "\(.): \($kname) \($a.params[.] | tojson) \($mname) \($b.params[.] | tojson)"]
			  | join("; ")))
		      else null end),
	       compared: ($names | length), agree: (($names | length) - ($bad | length)), pairs: 1}
	  end
      end ] as $results
| ($results | map(select(.diff)) | .[].diff),
  "parity: \($results | map(.agree) | add // 0) of \($results | map(.compared) | add // 0) params agree in \($results | map(.pairs) | add // 0) event pairs of \($tids | length) threads; \($results | map(select(.diff)) | length) differ"
