# The lists of event numbers scap-open and sysdig kept for each filter
# (filter-compare.sh), compared. An event in one list only is explained
# if a rule of filter-differences.json says why, judged on our reading of
# it ($events: event N is line N of scap-open -r --json):
#
#   $lists   [{filter, ours: [N...], sysdig: [N...]}]
#   $events  every event, as scap-open --json prints it
#   $rules   filter-differences.json

# The fd an event is about, as we resolved it: its own, or for an exit
# event that of its thread's enter event before it.
def fd_of($n):
	$events[$n - 1] as $e
	| if $e.resolved.fd then $e.resolved.fd
	  elif $e.dir == "<" then
		first(range($n - 2; -1; -1) as $i | $events[$i]
		      | select(.tid == $e.tid and .dir == ">")) | .resolved.fd // null
	  else null end;

# The enter event before exit event n, on its thread.
def enter_of($n):
	$events[$n - 1] as $e
	| first(range($n - 2; -1; -1) as $i | $events[$i] | select(.tid == $e.tid and .dir == ">"));

# Which rule explains that event n is in one list only, or null.
def explain($n):
	$events[$n - 1] as $e
	| if $e == null then null
	  elif $e.raw == true and $e.params.type == 234 then "procinfo"
	  elif $e.raw == true then "not_in_schema"
	  elif $e.dir == "<" and ($e.params.res // $e.params.fd) == -9 then "bad_fd_exit"
	  elif $e.dir == "<" and $e.name == "setsockopt" then "setsockopt_fd"
	  elif $e.dir == "<" and $e.name == "bpf" then "bpf_exit"
	  elif $e.dir == "<" and (enter_of($n) // {} | .params.fd != null and .resolved.fd == null)
	  then "unknown_fd_exit"
	  elif (fd_of($n) // "") as $fd | $fd | startswith("<4u>")
	       and (($fd | contains("->")) or
		    ($e.dir == "<" and ($e.name | IN("sendto", "sendmsg", "recvfrom", "recvmsg"))))
	  then "udp4_tuple"
	  elif $e.params | to_entries | any(.value == null) then "empty_param"
	  else null end;

[$lists[] as $l
 | ($l.ours - $l.sysdig) as $only_ours
 | ($l.sysdig - $l.ours) as $only_sysdig
 | [($only_ours[] | {n: ., side: "ours"}), ($only_sysdig[] | {n: ., side: "sysdig"})]
 | map(. + {rule: explain(.n)}) as $d
 | {filter: $l.filter, ours: ($l.ours | length), sysdig: ($l.sysdig | length),
    same: ($d | length == 0),
    rules: ($d | map(select(.rule)) | group_by(.rule) | map({key: .[0].rule, value: length}) | from_entries),
    diffs: [$d[] | select(.rule == null) | "\($l.filter): event \(.n) kept by \(.side) only"]}]
| {filters: length,
   filters_alike: (map(select(.same)) | length),
   events_kept_by_sysdig: (map(.sysdig) | add),
   events_kept_by_ours: (map(.ours) | add),
   explained: (reduce (.[] | .rules | to_entries[]) as $r ({}; .[$r.key] += $r.value)),
   diffs: [.[] | .diffs[]]}
| .diffs += [(.explained | keys[]) | select(in($rules[0].rules) | not)
	     | "rule \(.) is not in filter-differences.json"]
