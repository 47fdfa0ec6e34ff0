# Sourced by the benchmark scripts: `measure OUTPUT COMMAND...` runs COMMAND
# $runs times with its standard output to OUTPUT and prints the best wall
# time (s) and the peak resident memory (KB), from GNU time ($work/time.txt).
command -v /usr/bin/time >/dev/null || apt-get install -y -qq time </dev/null >/dev/null
measure() {
    local output=$1
    shift
    local best="" memory=0 line wall kb
    for _ in $(seq "$runs"); do
        /usr/bin/time -f "%e %M" -o "$work/time.txt" "$@" >"$output" 2>/dev/null || true
        line=$(tail -n 1 "$work/time.txt")
        wall=${line% *}
        kb=${line#* }
        if [ -z "$best" ] || awk "BEGIN{exit !($wall < $best)}"; then best=$wall; fi
        [ "$kb" -gt "$memory" ] && memory=$kb
    done
    echo "$best $memory"
}
