#!/usr/bin/env bash
#
# bench/sipp-load/run.sh - sipp step load through the Switchboard queue to sipp agents.
#
# What it measures
#   1. Highest call rate (calls per second) that goes through the server (caller -> queue "support" ->
#      agent phone -> answered -> 100 ms talk -> BYE) with < 0.1 % failed calls, stepping the rate up.
#   2. The same steps sipp-to-sipp (the same caller scenario straight to the same answering sipp, no
#      server), made in the same run, as the baseline.
#   3. At half the highest passing rate: 30 s through the server and 30 s sipp-to-sipp, the INVITE -> 200
#      time (p50/p99/max) of both and the ratio server / baseline.
#
# What it does
#   - unpacks the built distribution (distribution/target/switchboard-*.tar.gz; built with
#     `mvn -B -o -q install -DskipTests` if it is missing or BUILD=1) into bench/sipp-load/target/run-DATE/,
#   - SIP on 127.0.0.1:17060, Karaf ssh 18201, RMI 11199/14544, queue support with wrapUpSeconds=0,
#     maxWaitSeconds=10, ringTimeoutSeconds=5, and AGENTS extra agents 2001.. (password bench<id>,
#     queues = support:1); bin/start, waits until `callcenter:queues` answers,
#   - registers every agent's phone with itests' register.xml from the SAME local port (17091) so that ONE
#     sipp UAS (agent-answer-fast.xml) answers for all of them; logs them in with one bin/client call,
#   - steps caller-load.xml (sipp UAC, port 17071) through STEPS: `-r RATE -m RATE*STEP_SECONDS -l LIMIT`;
#     a step passes when failed calls (asked - successful) <= 0.1 %, the achieved rate >= 95 % of the rate
#     asked, and the INVITE -> 200 p99 <= RT_LIMIT_MS; stepping stops at the first step that does not pass,
#   - runs the same steps sipp-to-sipp (UAS on 17092), then the two half-rate runs,
#   - holds the machine's build lock (BENCH_LOCK) through each phase; before each measurement waits while
#     a JMH run (java processes among `pgrep -f benchmarks.jar`) is active and until the
#     machine is quiet, records both, and measures every process's CPU during each step; for the server
#     also the CPU of each thread (by name), the state of the distributor's decision thread (sampled every
#     0.1 s), its GC pauses (GC log), and the machine's UDP receive errors,
#   - stops sipp and the server (bin/stop) on exit, whatever happens (trap).
#
# INVITE -> 200 is measured per call with microsecond clocks in the scenario (<gettimeofday> at the INVITE
# and at the 200, written with <log>), because sipp 3.6's own response times (rtd, -trace_rtt) have 1 ms
# resolution; p50/p99 are nearest-rank over all calls of the step. sipp's rtd mean is kept as a cross-check.
#
# Usage (from anywhere; total about 7-10 minutes):
#   bench/sipp-load/run.sh
# Environment (defaults in brackets):
#   STEPS ["10 20 50 100 150 200 300 400 500 600 800 1000"]  STEP_SECONDS [15]  HALF_SECONDS [30]
#   AGENTS [150]  LIMIT [120] (sipp -l: most calls open at once; keep it below AGENTS)  RT_LIMIT_MS [500]
#   TARBALL [distribution/target/switchboard-0.1.0-SNAPSHOT.tar.gz]  BUILD [0]  JMH_WAIT_MAX [900] s
#   QUIET_BUSY_PCT [30] QUIET_WAIT_MAX [30] s: before each measurement, wait (at most QUIET_WAIT_MAX) until
#   the machine is less than QUIET_BUSY_PCT % busy over 1 s (other people's builds share these 2 cores).
#   A server step that fails while other work took >= 25 % of a core or JMH ran is measured once more.
#   PROTECTION [off]: off raises the SIP edge's call-rate limits (maxConcurrentCalls, maxCallsPerSecond,
#   invitesPerSecondPerSource, registersPerSecondPerSource) to their maxima; shipped keeps etc/'s values.
#   BENCH_LOCK [/tmp/switchboard-build.lock] LOCK_WAIT_MAX [600] s: if that file exists, the build lock
#   that builds, tests and JMH runs on this machine take with flock(1) is held through each phase (start-up,
#   server steps, sipp-to-sipp steps, half rate) and released in between; BENCH_LOCK= to not use it.
# Output: bench/sipp-load/target/run-DATE/ (summary.md = the tables, steps.tsv, run.log, gc.log, karaf.log,
#   one folder per step with sipp's files, timeline.txt, vmstat.txt, CPU per process and per server thread);
#   the summary is also printed at the end. A run needs about 250 MB there (the unpacked server).
# Everything stays on 127.0.0.1; every sipp run is bounded by -m and -timeout.
#
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
# shared helpers: log, set_property, stop_pid, the /proc readers, stat_field
source "$HERE/../lib/common.sh"
SIPP_DIR="$ROOT/itests/src/test/sipp"

STEPS=${STEPS:-"10 20 50 100 150 200 300 400 500 600 800 1000"}
STEP_SECONDS=${STEP_SECONDS:-15}
HALF_SECONDS=${HALF_SECONDS:-30}
AGENTS=${AGENTS:-150}
LIMIT=${LIMIT:-120}
RT_LIMIT_MS=${RT_LIMIT_MS:-500}
TARBALL=${TARBALL:-$ROOT/distribution/target/switchboard-0.1.0-SNAPSHOT.tar.gz}
BUILD=${BUILD:-0}
JMH_WAIT_MAX=${JMH_WAIT_MAX:-900}
PROTECTION=${PROTECTION:-off}
BENCH_LOCK=${BENCH_LOCK-/tmp/switchboard-build.lock}
LOCK_WAIT_MAX=${LOCK_WAIT_MAX:-600}
QUIET_BUSY_PCT=${QUIET_BUSY_PCT:-30}
QUIET_WAIT_MAX=${QUIET_WAIT_MAX:-30}

HOST=127.0.0.1
SIP_PORT=17060
SSH_PORT=18201
AGENT_PORT=17091     # every agent's phone registers this port; one sipp UAS answers for all
BASE_UAS_PORT=17092  # the answering sipp of the sipp-to-sipp baseline
CALLER_PORT=17071
FIRST_AGENT=2001

RUN=$HERE/target/run-$(date -u +%Y%m%d-%H%M%S)
mkdir -p "$RUN"
SUMMARY=$RUN/summary.md
STEPS_TSV=$RUN/steps.tsv
KARAF=""
SERVER_UAS_PID=""
BASE_UAS_PID=""

# ---- clean-up: our sipp processes (by pid) and the server, whatever happens

cleanup() {
    local rc=$?
    set +e
    unlock
    stop_pid "$SERVER_UAS_PID"
    stop_pid "$BASE_UAS_PID"
    if [[ -n "$KARAF" && -f "$KARAF/karaf.pid" ]]; then
        local kpid
        kpid=$(tr -d '[:space:]' < "$KARAF/karaf.pid")
        if [[ -n "$kpid" ]] && kill -0 "$kpid" 2>/dev/null; then
            log "stopping the server (pid $kpid)"
            (cd "$KARAF" && timeout 60 bin/stop >/dev/null 2>&1)
            for _ in $(seq 1 300); do kill -0 "$kpid" 2>/dev/null || break; sleep 0.2; done
            if kill -0 "$kpid" 2>/dev/null; then
                log "server still alive after bin/stop + 60 s: kill -9 $kpid"
                kill -9 "$kpid" 2>/dev/null
            fi
        fi
    fi
    [[ $rc -eq 0 ]] || log "run.sh failed (exit $rc); see $RUN"
    exit $rc
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# ---- helpers (more in bench/lib/common.sh)

client() { # commands on stdin -> output
    (cd "$KARAF" && timeout 120 bin/client -a "$SSH_PORT" -u karaf -p karaf -r 3 -b 2>&1) || true
}

# JMH runs: the java processes among `pgrep -f benchmarks.jar`. Only java: a command still waiting for the
# build lock (flock ... bash -c '... java -jar target/benchmarks.jar') is not running JMH yet, and waiting
# for it while we hold that lock would wait for ourselves.
jmh_pids() {
    local pid
    for pid in $(pgrep -f benchmarks.jar 2>/dev/null); do
        [[ $(ps -o comm= -p "$pid" 2>/dev/null) == java ]] && echo "$pid"
    done
    return 0
}

# The build lock other people on this machine take around builds, tests and JMH runs (flock on
# BENCH_LOCK, if that file exists): held through each phase of measurements, so that no build starts
# in the middle of a step; released between phases. LOCK_WAIT_MAX bounds the wait for it.
LOCK_FD=""
LOCK_NOTES=""
lock() { # label
    [[ -n $BENCH_LOCK && -f $BENCH_LOCK ]] || return 0
    local t0 waited
    t0=$(date +%s)
    exec {LOCK_FD}>>"$BENCH_LOCK"
    flock -n "$LOCK_FD" || log "waiting (at most ${LOCK_WAIT_MAX} s) for $BENCH_LOCK before $1"
    if flock -w "$LOCK_WAIT_MAX" "$LOCK_FD"; then
        waited=$(( $(date +%s) - t0 ))
        (( waited < 2 )) || LOCK_NOTES+="- $1: waited ${waited} s for $BENCH_LOCK"$'\n'
        log "holding $BENCH_LOCK for $1"
    else
        LOCK_NOTES+="- $1: $BENCH_LOCK still taken after ${LOCK_WAIT_MAX} s: measured without it"$'\n'
        log "$BENCH_LOCK still taken after ${LOCK_WAIT_MAX} s: going on without it"
        exec {LOCK_FD}>&-
        LOCK_FD=""
    fi
}
unlock() {
    [[ -n $LOCK_FD ]] || return 0
    flock -u "$LOCK_FD" || true
    exec {LOCK_FD}>&-
    LOCK_FD=""
}

# Waits while a JMH run is active on this machine; the seconds waited go to JMH_WAITED.
JMH_NOTES=""
JMH_WAITED=0
wait_for_jmh() { # label
    local waited=0
    while [[ -n $(jmh_pids) ]]; do
        if (( waited == 0 )); then log "JMH is running ($(jmh_pids | tr '\n' ' ')): waiting before $1"; fi
        if (( waited >= JMH_WAIT_MAX )); then
            log "JMH still running after ${JMH_WAIT_MAX} s: measuring $1 anyway"
            JMH_NOTES+="- $1: JMH still running after ${JMH_WAIT_MAX} s, measured WITH JMH active (numbers distorted)"$'\n'
            break
        fi
        sleep 5
        waited=$((waited + 5))
    done
    if (( waited > 0 )); then
        JMH_NOTES+="- $1: waited ${waited} s for a JMH run (benchmarks.jar) to end"$'\n'
        sleep 2
    fi
    JMH_WAITED=$waited
}

# Waits (at most QUIET_WAIT_MAX s) until the machine is less than QUIET_BUSY_PCT % busy over 1 s.
wait_for_quiet() { # label
    local waited=0 m0 m1 busy
    while true; do
        m0=$(machine_ticks); sleep 1; m1=$(machine_ticks)
        busy=$(echo "$m0 $m1" | awk '{printf "%.0f", 100 * ($3 - $1) / ($4 - $2 + 0.001)}')
        (( busy < QUIET_BUSY_PCT )) && break
        waited=$((waited + 1))
        if (( waited >= QUIET_WAIT_MAX )); then
            QUIET_NOTES+="- $1: machine still ${busy} % busy after ${waited} s of waiting: measured anyway"$'\n'
            log "$1: machine still ${busy} % busy after ${waited} s: measuring anyway"
            return 0
        fi
    done
    if (( waited > 0 )); then
        QUIET_NOTES+="- $1: waited ${waited} s for other work on the machine to calm down"$'\n'
    fi
}
QUIET_NOTES=""

server_log_since() { # ISO timestamp -> karaf.log entries (all rotated files) at or after it, oldest first
    local f
    for f in $(ls -r "$KARAF"/data/log/karaf.log* 2>/dev/null); do
        # an entry starts with its timestamp; the lines after it (stack traces) belong to it
        awk -v s="$1" '/^[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T/ {in_window = substr($0, 1, 19) >= s} in_window' "$f"
    done
}

# CPU ticks of every process: "pid name ticks" (utime + stime + cutime + cstime, so that short-lived
# children show up in their parent once reaped)

# CPU ticks of every thread of a process: "tid name ticks" (name = the kernel's 15-character comm, which
# the JVM sets from the Java thread name)

# Samples the state of the distributor's decision thread (switchboard-acd...) every 0.1 s, count bounded:
# R = running or waiting for a CPU, S = sleeping (waiting for work or a lock), D = uninterruptible (disk I/O);
# for D also the kernel function it waits in (wchan). Writes one line per sample.
sample_decision_thread() { # pid count file
    local t tid="" line state wchan i
    for t in /proc/"$1"/task/*; do
        if [[ $(cat "$t/comm" 2>/dev/null) == switchboard-acd* ]]; then tid=${t##*/}; break; fi
    done
    [[ -n $tid ]] || return 0
    for ((i = 0; i < $2; i++)); do
        { read -r line < "/proc/$1/task/$tid/stat"; } 2>/dev/null || break
        line=${line##*) }; state=${line%% *}
        if [[ $state == D ]]; then wchan=$(cat "/proc/$1/task/$tid/wchan" 2>/dev/null); else wchan=-; fi
        echo "$state ${wchan:--}"
        sleep 0.1
    done > "$3"
}

# "R 40 %, S 35 %, D 25 % (D in: fn 20, fn 5)" from sample_decision_thread's file
decision_thread_states() { # file
    awk '{n++; s[$1]++; if ($1 == "D") w[$2]++}
        END {if (!n) exit; for (k in s) printf "%s %.0f %%, ", k, 100 * s[k] / n
             d = ""; for (k in w) d = d sprintf("%s %d, ", k, w[k]); if (d != "") printf "(D in: %s)", d
             printf "(%d samples)", n}' "$1"
}

# per thread name (threads of the same name added up): "name (n threads): N %; ..." (100 = one core), top 6
top_threads() { # before after seconds
    awk 'FNR == NR {b[$1] = $3; next} {d[$2] += $3 - b[$1]; n[$2]++} END {for (k in d) if (d[k] > 0) print d[k], k, n[k]}' "$1" "$2" \
        | sort -rn | head -6 | awk -v t="$(getconf CLK_TCK)" -v e="$3" '{printf "%s (%d): %.0f %%; ", $2, $3, 100 * $1 / t / e}'
}

# Live objects of the server by class (jcmd GC.class_histogram: a full GC first, so only what is still
# referenced; stops the JVM for a moment, so only outside measurements). Writes the histogram file.
heap_histogram() { # file
    local kpid
    kpid=$(tr -d '[:space:]' < "$KARAF/karaf.pid")
    timeout 60 jcmd "$kpid" GC.class_histogram > "$1" 2>&1 || true
}

# "N MB" of live heap from a histogram file (its Total line)
heap_total_mb() { # file
    awk '$1 == "Total" {printf "%.0f MB", $3 / 1048576}' "$1" 2>/dev/null
}

# classes whose live bytes grew most between two histograms: "class +N MB (+M instances)", top 8
heap_growth() { # before after
    awk 'FNR == NR {if ($1 ~ /^[0-9]+:$/) {b[$4] = $3; i[$4] = $2}; next}
        $1 ~ /^[0-9]+:$/ {d = $3 - b[$4]; if (d > 0) printf "%d %s %d\n", d, $4, $2 - i[$4]}' "$1" "$2" \
        | sort -rn | head -8 | awk '{printf "- %s: +%.1f MB (+%d instances)\n", $2, $1 / 1048576, $3}'
}

# UDP receive errors of the whole machine (/proc/net/snmp): "InErrors RcvbufErrors"

# biggest CPU users between two process_ticks snapshots, as "name pid: N %; ..." (100 = one core),
# leaving out the pids given (the server and our sipps) and this script's own children
top_processes() { # before after seconds [pids to leave out]
    awk -v skip=" $4 " 'FNR == NR {b[$1] = $3; next}
        index(skip, " " $1 " ") == 0 && $2 != "sipp" {d = $3 - b[$1]; if (d > 0) printf "%d %s %s\n", d, $2, $1}' "$1" "$2" \
        | sort -rn | head -5 | awk -v t="$(getconf CLK_TCK)" -v e="$3" '{printf "%s %s: %.0f %%; ", $2, $3, 100 * $1 / t / e}'
}

# G1 pauses in the server's GC log between two timestamps: "count max_ms total_ms"
gc_pauses() { # from until (YYYY-MM-DDTHH:MM:SS, local time)
    awk -v s="$1" -v u="$2" '/Pause/ && /ms$/ {
            t = substr($0, 2, 19); if (t < s || t > u) next
            ms = $NF; sub(/ms$/, "", ms); n++; total += ms; if (ms + 0 > max) max = ms + 0
        }
        END {printf "%d %.1f %.1f\n", n, max, total}' "$RUN/gc.log" 2>/dev/null || echo "0 0 0"
}

# INVITE -> 200 per second of a step: "second calls slow(>50ms) max_ms"
timeline() { # logs file
    awk '$1 == "invite200" {t0 = $3 + $4 / 1e6; printf "%.6f %.3f\n", t0, ($5 + $6 / 1e6 - t0) * 1000}' "$1" | sort -n \
        | awk 'NR == 1 {s = $1} {i = int($1 - s); if (i > last) last = i; n[i]++; if ($2 > 50) slow[i]++; if ($2 > m[i]) m[i] = $2}
            END {for (i = 0; i <= last; i++) printf "%d %d %d %.1f\n", i, n[i], slow[i], m[i]}'
}

# INVITE -> 200 from the <log> lines: "n mean_ms p50_ms p99_ms max_ms achieved_cps"
latency_stats() { # logs file
    awk '$1 == "invite200" {
            t0 = $3 + $4 / 1e6; t1 = $5 + $6 / 1e6
            printf "%.6f %.3f\n", t0, (t1 - t0) * 1000
        }' "$1" | sort -k2,2g | awk '
        { t[NR] = $1; d[NR] = $2; sum += $2; if (NR == 1 || $1 < first) first = $1; if ($1 > last) last = $1 }
        END {
            n = NR
            if (n == 0) { print "0 - - - - -"; exit }
            i50 = int(n * 0.50); if (i50 < n * 0.50) i50++
            i99 = int(n * 0.99); if (i99 < n * 0.99) i99++
            rate = (n > 1 && last > first) ? (n - 1) / (last - first) : 0
            printf "%d %.2f %.2f %.2f %.2f %.1f\n", n, sum / n, d[i50], d[i99], d[n], rate
        }'
}

# ---- one measurement: sipp UAC at RATE for SECONDS against TARGET; appends a row to steps.tsv

# steps.tsv columns
printf 'run\trate\tseconds\tasked\tsuccessful\tfailed\tfailed_pct\tachieved_cps\tmean_ms\tp50_ms\tp99_ms\tmax_ms\tsipp_rtd_mean_ms\tretrans\tmachine_cpu_pct\tserver_cpu_pct\tuac_cpu_pct\tuas_cpu_pct\tlog_warn_error\tjmh_wait_s\tpass\tother_cpu_pct\tgc_pauses_n_max_ms\tudp_inerrors_rcvbuferrors\n' > "$STEPS_TSV"
OTHER_NOTES=""

LAST_PASS=0
LAST_P99=""
LAST_JMH_DURING=0
LAST_DISTURBED=0
LOAD_SINCE=""
measure() { # kind(server|sipp) rate seconds label
    local kind=$1 rate=$2 seconds=$3 label=$4
    local target uas_pid dir asked jmh
    if [[ $kind == server ]]; then target=$HOST:$SIP_PORT; uas_pid=$SERVER_UAS_PID
    else target=$HOST:$BASE_UAS_PORT; uas_pid=$BASE_UAS_PID; fi
    kill -0 "$uas_pid" 2>/dev/null || { log "the answering sipp ($kind) is gone"; return 1; }
    dir=$RUN/$label
    mkdir -p "$dir"
    asked=$((rate * seconds))
    wait_for_jmh "$label"
    jmh=$JMH_WAITED
    wait_for_quiet "$label"

    local since
    since=$(date +%Y-%m-%dT%H:%M:%S)   # karaf.log's timestamps are the JVM's local time, like date's
    [[ -n $LOAD_SINCE ]] || LOAD_SINCE=$since
    local kpid server0 uas0 m0 m1 server1 uas1
    kpid=$(tr -d '[:space:]' < "$KARAF/karaf.pid")
    process_ticks > "$dir/procs.before"
    [[ $kind == server ]] && thread_ticks "$kpid" > "$dir/threads.before"
    local udp0 udp1
    udp0=$(udp_errors)
    server0=$(cpu_ticks "$kpid"); uas0=$(cpu_ticks "$uas_pid"); m0=$(machine_ticks)

    log "$label: $kind, $rate cps x $seconds s = $asked calls (-l $LIMIT)"
    # watch for a JMH run starting during the step (bounded: the step's -timeout + 10 s)
    (for _ in $(seq 1 $((seconds + 40))); do
        if [[ -n $(jmh_pids) ]]; then date -u +%H:%M:%S > "$dir/jmh-seen"; exit 0; fi
        sleep 1
    done) &
    local watch_pid=$!
    vmstat -n -t 1 $((seconds + 35)) > "$dir/vmstat.txt" 2>&1 &
    local vmstat_pid=$!
    local sampler_pid=""
    if [[ $kind == server ]]; then
        sample_decision_thread "$kpid" $((seconds * 10)) "$dir/decision-thread.txt" &
        sampler_pid=$!
    fi
    local rc=0
    # timeout(1) as a last resort: sipp 3.6 can keep "waiting for active calls to end" after its -timeout
    (cd "$dir" && exec timeout -k 5 "$((seconds + 60))" /usr/bin/time -f '%U %S %e' -o uac.time \
        sipp -sf "$HERE/caller-load.xml" -s 4000 -i "$HOST" -p "$CALLER_PORT" \
            -r "$rate" -m "$asked" -l "$LIMIT" -nostdin \
            -timeout "$((seconds + 30))s" -recv_timeout 12000 -buff_size 1048576 \
            -trace_stat -stf stat.csv -trace_logs -log_file invite200.log \
            -trace_err -error_file errors.log -trace_screen -screen_file screen.log \
            "$target" > uac.out 2>&1) || rc=$?
    sleep 2   # let the last BYEs and retransmissions settle before reading the counters
    m1=$(machine_ticks); server1=$(cpu_ticks "$kpid"); uas1=$(cpu_ticks "$uas_pid")
    process_ticks > "$dir/procs.after"
    [[ $kind == server ]] && thread_ticks "$kpid" > "$dir/threads.after"
    udp1=$(udp_errors)
    local udp_drops
    udp_drops=$(echo "$udp0 $udp1" | awk '{print ($3 - $1) "/" ($4 - $2)}')

    local tck elapsed=0 successful failed failed_pct rtd retrans n mean p50 p99 max achieved
    tck=$(getconf CLK_TCK)
    successful=$(stat_field "$dir/stat.csv" 'SuccessfulCall(C)' || true); successful=${successful:-0}
    failed=$((asked - successful))
    failed_pct=$(awk -v f="$failed" -v a="$asked" 'BEGIN {printf "%.2f", 100 * f / a}')
    rtd=$( (stat_field "$dir/stat.csv" 'ResponseTimeinvite(C)' || true) | awk -F: '{printf "%.1f", ($1 * 3600 + $2 * 60 + $3) * 1000 + $4 / 1000}')
    retrans=$(stat_field "$dir/stat.csv" 'Retransmissions(C)' || true)
    read -r n mean p50 p99 max achieved < <(latency_stats "$dir/invite200.log")
    local uac_cpu machine_cpu server_cpu uas_cpu
    # machine: busy share of all cores (100 = the whole machine); processes: share of one core
    machine_cpu=$(echo "$m0 $m1" | awk '{printf "%.0f", 100 * ($3 - $1) / ($4 - $2)}')
    elapsed=$(awk 'END {print $3 + 2}' "$dir/uac.time")   # sipp's wall time + the 2 s settle
    uac_cpu=$(awk -v e="$elapsed" 'END {printf "%.0f", 100 * ($1 + $2) / e}' "$dir/uac.time")
    server_cpu=$(awk -v a="$server0" -v b="$server1" -v t="$tck" -v e="$elapsed" 'BEGIN {printf "%.0f", 100 * (b - a) / t / e}')
    uas_cpu=$(awk -v a="$uas0" -v b="$uas1" -v t="$tck" -v e="$elapsed" 'BEGIN {printf "%.0f", 100 * (b - a) / t / e}')
    # CPU used by anything but the server and the two sipps, in % of one core (other work on the machine)
    local other_cpu top
    other_cpu=$(awk -v m="$machine_cpu" -v n="$(nproc)" -v a="$server_cpu" -v b="$uac_cpu" -v c="$uas_cpu" \
        'BEGIN {o = m * n - a - b - c; printf "%.0f", o < 0 ? 0 : o}')
    top=$(top_processes "$dir/procs.before" "$dir/procs.after" "$elapsed" "$kpid $uas_pid $$")
    echo "$top" > "$dir/top-cpu.txt"
    if [[ $kind == server ]]; then
        top_threads "$dir/threads.before" "$dir/threads.after" "$elapsed" > "$dir/server-threads.txt"
        log "$label: server threads: $(cat "$dir/server-threads.txt")"
        decision_thread_states "$dir/decision-thread.txt" > "$dir/decision-thread-states.txt" 2>/dev/null || true
        log "$label: decision thread states: $(cat "$dir/decision-thread-states.txt")"
    fi
    if (( other_cpu >= 25 )); then
        OTHER_NOTES+="- $label: other processes used ${other_cpu} % of a core; biggest users in the step: $top"$'\n'
    fi
    [[ $kind == server ]] || server_cpu="idle:$server_cpu"
    # what the server logged during the step besides its one "queued" line per call
    server_log_since "$since" | grep -v ' queued in support$' > "$dir/karaf-other.log" || true
    local warn_error
    warn_error=$(grep -cE '^[^|]*\| (WARN|ERROR) ' "$dir/karaf-other.log" || true)
    local pass=yes
    if awk -v f="$failed" -v a="$asked" 'BEGIN {exit !(f / a > 0.001)}'; then pass=no; fi
    if [[ $achieved == - ]] || awk -v r="$achieved" -v q="$rate" 'BEGIN {exit !(r < 0.95 * q)}'; then pass=no; fi
    if [[ $p99 == - ]] || awk -v p="$p99" -v l="$RT_LIMIT_MS" 'BEGIN {exit !(p > l)}'; then pass=no; fi
    stop_pid "$watch_pid"
    stop_pid "$vmstat_pid"
    stop_pid "$sampler_pid"
    local until gc_n gc_max gc_total
    until=$(date +%Y-%m-%dT%H:%M:%S)
    read -r gc_n gc_max gc_total < <(gc_pauses "$since" "$until")
    timeline "$dir/invite200.log" > "$dir/timeline.txt" || true
    LAST_JMH_DURING=0
    if [[ -s $dir/jmh-seen ]]; then
        LAST_JMH_DURING=1
        JMH_NOTES+="- $label: a JMH run STARTED DURING the step (seen $(head -1 "$dir/jmh-seen")): this step is distorted"$'\n'
    fi
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' \
        "$label" "$rate" "$seconds" "$asked" "$successful" "$failed" "$failed_pct" "$achieved" "$mean" "$p50" \
        "$p99" "$max" "$rtd" "$retrans" "$machine_cpu" "$server_cpu" "$uac_cpu" "$uas_cpu" "$warn_error" "$jmh" \
        "$pass" "$other_cpu" "$gc_n/$gc_max" "$udp_drops" >> "$STEPS_TSV"
    log "$label: asked $asked, ok $successful, failed $failed ($failed_pct %), ${achieved} cps, INVITE->200 mean $mean p50 $p50 p99 $p99 max $max ms, retrans $retrans, cpu machine ${machine_cpu}% server ${server_cpu}% uac ${uac_cpu}% uas ${uas_cpu}% other ${other_cpu}%, GC pauses $gc_n (max $gc_max ms, total $gc_total ms), UDP InErrors/RcvbufErrors $udp_drops, karaf WARN/ERROR $warn_error, sipp rc $rc -> $pass"
    LAST_P99=$p99
    LAST_DISTURBED=$(( LAST_JMH_DURING || other_cpu >= 25 ))
    [[ $pass == yes ]] && LAST_PASS=1 || LAST_PASS=0
    return 0
}

start_uas() { # port label -> pid in UAS_PID
    local port=$1 label=$2
    mkdir -p "$RUN/$label"
    (cd "$RUN/$label" && exec sipp -sf "$HERE/agent-answer-fast.xml" -i "$HOST" -p "$port" -nostdin \
        -timeout 3600s -buff_size 1048576 -trace_stat -stf stat.csv -fd 5 \
        -trace_err -error_file errors.log -trace_screen -screen_file screen.log > uas.out 2>&1) &
    UAS_PID=$!
    sleep 0.5
    kill -0 "$UAS_PID" 2>/dev/null || { log "the answering sipp on $port did not start"; cat "$RUN/$label/uas.out" >&2; exit 1; }
}

# ---- 1. the server

command -v sipp >/dev/null || { echo "sipp is not installed" >&2; exit 1; }
if [[ $BUILD == 1 || ! -f $TARBALL ]]; then
    log "building: mvn -B -o -q install -DskipTests"
    (cd "$ROOT" && mvn -B -o -q install -DskipTests)
fi
TARBALL_TIME=$(date -u -r "$TARBALL" +%FT%TZ)
SOURCE_HEAD=$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo '?')
SOURCE_CHANGES=$(git -C "$ROOT" status --porcelain 2>/dev/null | wc -l)
log "run folder $RUN; unpacking $(basename "$TARBALL") ($TARBALL_TIME)"
mkdir -p "$RUN/server"
tar xzf "$TARBALL" -C "$RUN/server"
KARAF=$(find "$RUN/server" -mindepth 1 -maxdepth 1 -type d | head -1)

set_property "$KARAF/etc/org.switchboard.sip.cfg" host "$HOST"
set_property "$KARAF/etc/org.switchboard.sip.cfg" port "$SIP_PORT"
set_property "$KARAF/etc/org.switchboard.sip.cfg" tlsPort "$((SIP_PORT + 1))"
set_property "$KARAF/etc/org.apache.karaf.shell.cfg" sshPort "$SSH_PORT"
set_property "$KARAF/etc/org.apache.karaf.management.cfg" rmiRegistryPort 11199
set_property "$KARAF/etc/org.apache.karaf.management.cfg" rmiServerPort 14544
QUEUE_CFG=$KARAF/etc/org.switchboard.acd.queue-support.cfg
set_property "$QUEUE_CFG" wrapUpSeconds 0
set_property "$QUEUE_CFG" maxWaitSeconds 10
set_property "$QUEUE_CFG" ringTimeoutSeconds 5
# The SIP edge's protection (newer builds): per-source and overall call-rate limits, 20 INVITEs/s per source
# and 50 calls/s by default, would answer 503 to a load generator long before the server is loaded. For the
# capacity measurement they are raised to their largest values (PROTECTION=off, the default);
# PROTECTION=shipped keeps the distribution's settings (then expect 503s from 20 cps of one sipp on).
if [[ $PROTECTION == off ]]; then
    SIP_CFG=$KARAF/etc/org.switchboard.sip.cfg
    set_property "$SIP_CFG" maxConcurrentCalls 100000
    set_property "$SIP_CFG" maxCallsPerSecond 10000
    set_property "$SIP_CFG" invitesPerSecondPerSource 10000
    set_property "$SIP_CFG" registersPerSecondPerSource 10000
fi
LAST_AGENT=$((FIRST_AGENT + AGENTS - 1))
for id in $(seq "$FIRST_AGENT" "$LAST_AGENT"); do
    cat > "$KARAF/etc/org.switchboard.acd.agent-$id.cfg" <<EOF
# bench/sipp-load agent
id = $id
name = Bench Agent $id
phone = $id
password = bench$id
skills = english:5
queues = support:1
EOF
done

if ss -lnu 2>/dev/null | grep -qE "[:.]($SIP_PORT|$AGENT_PORT|$BASE_UAS_PORT|$CALLER_PORT)\b"; then
    log "a UDP port of the benchmark is already in use:"; ss -lnup | grep -E "($SIP_PORT|$AGENT_PORT|$BASE_UAS_PORT|$CALLER_PORT)" >&2 || true
    exit 1
fi

wait_for_jmh "server start"   # the start-up takes both cores for a while: do not disturb a JMH run either
lock "server start"
log "bin/start"
# GC log of the server (only an observation: JVM options are Karaf's defaults otherwise)
# (the server must not inherit the lock's file descriptor: it would outlive a killed run.sh)
if [[ -n $LOCK_FD ]]; then
    (cd "$KARAF" && EXTRA_JAVA_OPTS="-Xlog:gc:file=$RUN/gc.log:time,uptime" bin/start {LOCK_FD}>&-)
else
    (cd "$KARAF" && EXTRA_JAVA_OPTS="-Xlog:gc:file=$RUN/gc.log:time,uptime" bin/start)
fi
started=$(date +%s)
while true; do
    out=$(echo "callcenter:queues" | client)
    if grep -q support <<< "$out"; then break; fi
    if (( $(date +%s) - started > 180 )); then log "callcenter:queues never answered:"; echo "$out" >&2; exit 1; fi
    sleep 2
done
log "server up after $(( $(date +%s) - started )) s"
echo "$out" > "$RUN/queues-at-start.txt"

# ---- 2. the agents' phones and logins

log "registering $AGENTS agents from port $AGENT_PORT"
mkdir -p "$RUN/register"
for id in $(seq "$FIRST_AGENT" "$LAST_AGENT"); do
    (cd "$RUN/register" && sipp -sf "$SIPP_DIR/register.xml" -s "$id" -au "$id" -ap "bench$id" -i "$HOST" \
        -p "$AGENT_PORT" -m 1 -nostdin -timeout 10s -timeout_error "$HOST:$SIP_PORT" > "reg-$id.out" 2>&1) \
        || { log "agent $id did not register"; tail -20 "$RUN/register/reg-$id.out" >&2; exit 1; }
done
logins=$(for id in $(seq "$FIRST_AGENT" "$LAST_AGENT"); do echo "callcenter:agent-login $id support"; done | client)
echo "$logins" > "$RUN/logins.txt"
available=$(grep -c "is available in support" <<< "$logins" || true)
log "$available of $AGENTS agents available"
(( available == AGENTS )) || { log "not every agent could log in, see $RUN/logins.txt"; exit 1; }
heap_histogram "$RUN/heap-before-load.txt"
log "live heap before the load: $(heap_total_mb "$RUN/heap-before-load.txt")"
unlock

# ---- 3. through the server

UAS_PID=""
start_uas "$AGENT_PORT" agents-uas
SERVER_UAS_PID=$UAS_PID
wait_for_jmh "server steps"
lock "server steps"
HIGHEST=0
SERVER_STEPS=()
for rate in $STEPS; do
    SERVER_STEPS+=("$rate")
    measure server "$rate" "$STEP_SECONDS" "server-$rate"
    if (( ! LAST_PASS && LAST_DISTURBED )); then
        log "server-$rate failed while other work (or JMH) took CPU: once more"
        measure server "$rate" "$STEP_SECONDS" "server-$rate-again"
    fi
    if (( LAST_PASS )); then HIGHEST=$rate; else break; fi
done
log "highest passing rate through the server: $HIGHEST cps"

# state of the server after the steps: stuck calls? agents not back?
sleep 3
{ echo "callcenter:queues"; echo "callcenter:agents"; } | client > "$RUN/after-steps.txt"
unlock
AFTER_STEPS_QUEUE=$(grep -E '^(Queue|support) ' "$RUN/after-steps.txt" || true)
AFTER_STEPS_AGENTS=$(awk -F'|' '$1 ~ /^2[0-9]+ *$/ {gsub(/ /, "", $3); n[$3]++} END {for (k in n) printf "%s %s, ", n[k], k}' "$RUN/after-steps.txt")

# ---- 4. sipp-to-sipp, same steps

start_uas "$BASE_UAS_PORT" baseline-uas
BASE_UAS_PID=$UAS_PID
wait_for_jmh "sipp-to-sipp steps"
lock "sipp-to-sipp steps"
for rate in "${SERVER_STEPS[@]}"; do
    measure sipp "$rate" "$STEP_SECONDS" "sipp-$rate"
done
unlock

# ---- 5. half the highest passing rate, 30 s each

HALF=$((HIGHEST / 2))
SERVER_HALF_P99=""; SIPP_HALF_P99=""
if (( HALF >= 1 )); then
    wait_for_jmh "half rate"
    lock "half rate"
    measure server "$HALF" "$HALF_SECONDS" "half-server-$HALF"; SERVER_HALF_P99=$LAST_P99
    if (( LAST_DISTURBED )); then
        log "half-server-$HALF: other work (or JMH) took CPU during it: once more, the second result counts"
        measure server "$HALF" "$HALF_SECONDS" "half-server-$HALF-again"; SERVER_HALF_P99=$LAST_P99
    fi
    measure sipp "$HALF" "$HALF_SECONDS" "half-sipp-$HALF"; SIPP_HALF_P99=$LAST_P99
    unlock
fi
sleep 2
{ echo "callcenter:queues"; echo "callcenter:agents"; echo "callcenter:calls"; } | client > "$RUN/after-all.txt"
heap_histogram "$RUN/heap-after-load.txt"
log "live heap after all measurements: $(heap_total_mb "$RUN/heap-after-load.txt")"

# ---- summary

table() { # prefix -> markdown rows
    awk -F'\t' -v p="$1" 'NR > 1 && index($1, p) == 1 {
        printf "| %s | %s | %s | %s | %s (%s %%) | %s | %s | %s | **%s** | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n",
            $2 ($1 ~ /-again$/ ? " (again)" : "") ($1 ~ /^half-server/ ? " server" : "") ($1 ~ /^half-sipp/ ? " sipp-to-sipp" : ""), $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $22, $23, $24, $19, $21 }' "$STEPS_TSV"
}
mapfile -t SERVER_DIRS < <(printf '%s\n' "$RUN"/server-* | sort -V)   # in rate order
mapfile -t SIPP_DIRS < <(printf '%s\n' "$RUN"/sipp-* | sort -V)
HEADER='| cps asked | s | calls | ok | failed | cps achieved | mean ms | p50 ms | p99 ms | max ms | sipp rtd mean ms | retrans | machine CPU % | server CPU % | UAC CPU % | UAS CPU % | other CPU % | server GC pauses n / max ms | UDP drops (InErrors/RcvbufErrors) | karaf WARN/ERROR | pass |
|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|'
{
    echo "# sipp-load run $(basename "$RUN")"
    echo
    echo "Distribution: $(basename "$TARBALL") built $TARBALL_TIME (unpacked at the start); source tree then at" \
        "$SOURCE_HEAD with $SOURCE_CHANGES changed/untracked paths (other people edit it meanwhile)."
    echo "Command: STEPS=\"$STEPS\" STEP_SECONDS=$STEP_SECONDS HALF_SECONDS=$HALF_SECONDS AGENTS=$AGENTS LIMIT=$LIMIT" \
        "RT_LIMIT_MS=$RT_LIMIT_MS PROTECTION=$PROTECTION bench/sipp-load/run.sh"
    echo "SIP edge protection as run: $(grep -E '^(maxConcurrentCalls|maxCallsPerSecond|invitesPerSecondPerSource|registersPerSecondPerSource)' \
        "$KARAF/etc/org.switchboard.sip.cfg" 2>/dev/null | tr -d ' ' | paste -sd ' ' -)"
    echo
    echo "INVITE -> 200 in ms (microsecond clocks in the scenario, nearest-rank percentiles over all calls)."
    echo "machine CPU % = busy share of all $(nproc) cores during the step (100 = the whole machine);"
    echo "server / UAC / UAS CPU % = CPU time of that process / wall time (100 = one core);"
    echo "other CPU % = machine x $(nproc) - server - UAC - UAS: what other work on the machine took (100 = one core)."
    echo
    echo "## Through the server (queue support, $AGENTS agents on one sipp UAS)"
    echo
    echo "$HEADER"
    table "server-"
    echo
    echo "Highest passing rate through the server: **$HIGHEST cps**"
    echo
    echo "## sipp-to-sipp, same steps"
    echo
    echo "$HEADER"
    table "sipp-"
    echo
    echo "## Half the highest passing rate ($HALF cps, $HALF_SECONDS s each)"
    echo
    echo "$HEADER"
    table "half-"
    echo
    if [[ -n $SERVER_HALF_P99 && -n $SIPP_HALF_P99 && $SIPP_HALF_P99 != - && $SERVER_HALF_P99 != - ]]; then
        echo "INVITE -> 200 p99 at $HALF cps: server **$SERVER_HALF_P99 ms**, sipp-to-sipp **$SIPP_HALF_P99 ms**," \
            "ratio server / sipp-to-sipp **$(awk -v a="$SERVER_HALF_P99" -v b="$SIPP_HALF_P99" 'BEGIN {printf "%.1f", a / b}')x**"
    else
        echo "No half-rate result (no passing step)."
    fi
    echo
    echo "## Where the server's CPU went (per thread name, threads of one name added up; 100 % = one core)"
    echo
    echo "Names are the kernel's 15-character thread names: switchboard-127 = the JAIN-SIP stack's threads"
    echo "(switchboard-127.0.0.1-17060-...), switchboard-acd = the distributor's decision thread, GC Thread# /"
    echo "G1 ... = the garbage collector, C2/C1 CompilerThre = the JIT."
    echo
    for d in "${SERVER_DIRS[@]}" "$RUN"/half-server-*; do
        [[ -s $d/server-threads.txt ]] && echo "- $(basename "$d"): $(cat "$d/server-threads.txt")"
    done
    echo
    echo "State of the decision thread (switchboard-acd), sampled every 0.1 s during the step: R = on a CPU or"
    echo "waiting for one, S = sleeping (no work, or waiting for a lock), D = blocked in the kernel (disk I/O),"
    echo "with the kernel function it waited in (wchan; 0 = no longer blocked when read):"
    echo
    for d in "${SERVER_DIRS[@]}" "$RUN"/half-server-*; do
        [[ -s $d/decision-thread-states.txt ]] && echo "- $(basename "$d"): $(cat "$d/decision-thread-states.txt")"
    done
    echo
    echo "## Server memory"
    echo
    echo "Live heap after a full GC (jcmd GC.class_histogram), before the first step and after the last"
    echo "measurement: $(heap_total_mb "$RUN/heap-before-load.txt") -> $(heap_total_mb "$RUN/heap-after-load.txt")," \
        "after $(awk -F'\t' 'NR > 1 && ($1 ~ /^server-/ || $1 ~ /^half-server-/) {n += $5} END {print n + 0}' "$STEPS_TSV") calls" \
        "through the server. Classes that grew most:"
    echo
    heap_growth "$RUN/heap-before-load.txt" "$RUN/heap-after-load.txt" || true
    echo
    echo "## The answering sipp (agents' phones) over the whole server part"
    echo
    uas_csv=$RUN/agents-uas/stat.csv
    if [[ -f $uas_csv ]]; then
        echo "calls $(stat_field "$uas_csv" 'TotalCallCreated'), successful $(stat_field "$uas_csv" 'SuccessfulCall(C)')," \
            "failed $(stat_field "$uas_csv" 'FailedCall(C)') (unexpected message $(stat_field "$uas_csv" 'FailedUnexpectedMessage(C)')," \
            "max UDP retransmissions $(stat_field "$uas_csv" 'FailedMaxUDPRetrans(C)')), retransmissions" \
            "$(stat_field "$uas_csv" 'Retransmissions(C)'), dead-call messages $(stat_field "$uas_csv" 'DeadCallMsgs(C)')" \
            "(last periodic dump, every 5 s)"
    fi
    echo
    echo "## JMH"
    echo
    if [[ -n $JMH_NOTES ]]; then printf '%s' "$JMH_NOTES"; else echo "No JMH run was active before or during any measurement."; fi
    echo
    echo "## Build lock ($BENCH_LOCK)"
    echo
    if [[ -z $BENCH_LOCK || ! -f $BENCH_LOCK ]]; then echo "Not used."
    elif [[ -n $LOCK_NOTES ]]; then printf '%s' "$LOCK_NOTES"; else echo "Held through every phase, no wait."; fi
    echo
    echo "## Waits for a quiet machine (< $QUIET_BUSY_PCT % busy over 1 s) before a measurement"
    echo
    if [[ -n $QUIET_NOTES ]]; then printf '%s' "$QUIET_NOTES"; else echo "None needed."; fi
    echo
    echo "## Slow seconds (seconds of a step in which some call waited > 100 ms for its 200)"
    echo
    slow=$(for d in "${SERVER_DIRS[@]}" "$RUN"/half-* "${SIPP_DIRS[@]}"; do
        [[ -f $d/timeline.txt ]] || continue
        awk -v l="$(basename "$d")" '$4 > 100 {n++; if ($4 > w) {w = $4; at = $1}; s = s sprintf(" %d(%d/%d)", $1, $3, $2)}
            END {if (n) printf "- %s: %d s; worst %.0f ms at second %d; second(calls > 50 ms / calls):%s\n", l, n, w, at, s}' "$d/timeline.txt"
    done)
    echo "${slow:-None.}"
    echo
    echo "## Other work on the machine (steps where other processes took >= 25 % of a core)"
    echo
    if [[ -n $OTHER_NOTES ]]; then printf '%s' "$OTHER_NOTES"; else echo "None."; fi
    echo
    echo "## Server state after the stepped run (3 s after the last step)"
    echo
    echo "${AFTER_STEPS_QUEUE:-callcenter:queues gave no line for support}" | sed 's/^/    /'
    echo "    bench agents by state: ${AFTER_STEPS_AGENTS:-none listed}"
    echo
    echo "## Server log during the measurements (karaf.log from $LOAD_SINCE on)"
    echo
    echo "Lines other than the one INFO line per call (\"call ... queued in support\"), grouped (ids and numbers"
    echo "replaced); WARN/ERROR lines: $(server_log_since "$LOAD_SINCE" | grep -cE '^[^|]*\| (WARN|ERROR) ' || true)"
    echo
    server_log_since "$LOAD_SINCE" | grep -v ' queued in support$' | grep -E '^[0-9]{4}-' \
        | awk -F'|' '{print $2 "|" $4 "|" $6}' | sed -E 's/[0-9a-f]{12}/<id>/g; s/[0-9]+/N/g' \
        | sort | uniq -c | sort -rn | head -25 | sed 's/^/    /' || true
} > "$SUMMARY"
cp "$KARAF/data/log/karaf.log" "$RUN/karaf.log" 2>/dev/null || true
cat "$SUMMARY"
log "done: $SUMMARY"
