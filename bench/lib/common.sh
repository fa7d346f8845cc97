# Helpers the benchmark scripts share (bench/sipp-load/run.sh, bench/media-load/run.sh), sourced by them. They
# use the caller's globals: RUN (the run's folder, for log) and KARAF where a function says so.

log() { printf '%s %s\n' "$(date -u +%H:%M:%S)" "$*" | tee -a "$RUN/run.log" >&2; }

set_property() { # file key value: replace "key = ..." or append it
    local file=$1 key=$2 value=$3
    if grep -Eq "^[[:space:]]*${key}[[:space:]]*=" "$file"; then
        sed -i -E "s|^[[:space:]]*${key}[[:space:]]*=.*$|${key} = ${value}|" "$file"
    else
        printf '\n%s = %s\n' "$key" "$value" >> "$file"
    fi
}

cpu_ticks() { # pid -> utime+stime in clock ticks (0 when gone)
    awk '{print $14 + $15}' "/proc/$1/stat" 2>/dev/null || echo 0
}

machine_ticks() { # -> "busy total" from /proc/stat
    awk '/^cpu /{idle = $5 + $6; total = 0; for (i = 2; i <= NF; i++) total += $i; print total - idle, total}' /proc/stat
}

process_ticks() {
    cat /proc/[0-9]*/stat 2>/dev/null | awk '{
        lp = index($0, "("); rp = 0
        for (i = length($0); i > 0; i--) if (substr($0, i, 1) == ")") { rp = i; break }
        name = substr($0, lp + 1, rp - lp - 1); gsub(/ /, "_", name)
        split(substr($0, rp + 2), f, " ")
        print $1, name, f[12] + f[13] + f[14] + f[15]
    }'
}

thread_ticks() { # pid
    local t comm line
    for t in /proc/"$1"/task/*; do
        { read -r comm < "$t/comm" && read -r line < "$t/stat"; } 2>/dev/null || continue
        echo "${t##*/} ${comm// /_} ${line##*) }"
    done | awk '{print $1, $2, $14 + $15}'
}

udp_errors() { # -> "InErrors RcvbufErrors" of the whole machine
    awk '$1 == "Udp:" && $2 ~ /^[0-9]+$/ {print $4, $6}' /proc/net/snmp
}

stat_field() { # csv column-name -> value of the last line
    awk -F';' -v col="$2" 'NR == 1 {for (i = 1; i <= NF; i++) if ($i == col) c = i; next} {v = $c} END {print v}' "$1"
}

stop_pid() {
    local pid=$1
    [[ -n "$pid" ]] || return 0
    if kill -0 "$pid" 2>/dev/null; then
        kill "$pid" 2>/dev/null || true
        for _ in $(seq 1 20); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.1; done
        kill -9 "$pid" 2>/dev/null || true
    fi
}
