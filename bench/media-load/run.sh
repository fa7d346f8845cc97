#!/usr/bin/env bash
#
# bench/media-load/run.sh - concurrent calls with media through the whole server: sipp callers stream RTP
# through the queue "support" to sipp agents that echo it back, the server relaying both ways.
#
# What it measures, for each number of concurrent calls N in STEPS
#   - calls held: the most calls sipp had up at once, and the calls that failed,
#   - packet loss of both legs of every call (the server's own RFC 3550 reception statistics, which RtpLeg
#     logs at DEBUG when a leg closes): the caller leg receives sipp's stream; the agent leg receives what the
#     server relayed to the agent's sipp and that sipp echoed back, so a gap in the relay shows up there,
#   - jitter (RFC 3550 interarrival jitter of each leg when it closed): mean / p99 / max over all legs, and
#     over the legs of the first tenth of the calls to hang up (closed while all N calls were still up),
#   - memory per call: the server's resident memory with the N calls up minus before the step; and, in one
#     more step at the end (MEMORY_CALLS calls), the live heap (jcmd GC.class_histogram: a full GC first)
#     with the calls up minus before. That step's media numbers are reported but do not count: the full GC
#     stops the server for a moment in the middle of its calls,
#   - packets the kernel dropped at sockets (receive buffer full; /proc/net/udp "drops"): at the server's RTP
#     legs (over the call, read at the end of the plateau), at the agents' echo sockets (over the whole step)
#     and at the callers' media socket (sipp 3.6.1 never reads it: everything relayed back to the callers
#     ends there, by design of the load generator, read at the end of the plateau),
#   - CPU of the server (whole process and its media threads), of each sipp and of everything else,
#     over the plateau (all N calls up).
#
# How one step goes
#   sipp (UAC, caller-media.xml) places N calls at RATE calls/s; each call streams moh.wav (8 kHz u-law, the
#   server's media/moh/default.wav) in 20 ms PCMU packets from the 200 to its BYE and lasts
#   N / RATE + PLATEAU seconds, so that all N calls are up together for PLATEAU seconds. The server queues each
#   call, offers it to a free agent, whose phone - one of PHONES sipp UAS processes (sipp-load's
#   agent-answer-fast.xml with -rtp_echo), each answering for every PHONES-th agent - answers at once and sends
#   back every RTP packet it receives. sipp echoes from one socket per process with the system's default
#   receive buffer (212 KB here: -rtp_buffsize does not reach it), and the callers' packets arrive in bursts
#   (sipp's stream threads send many calls' packets at the same tick): with PHONES=1 that socket overflows
#   from ~600 calls on, which then shows as loss of the agent legs although the server dropped nothing.
#   A step passes when every call succeeded, all N were up together, the loss of both kinds of leg is below
#   LOSS_LIMIT_PCT and the p99 of the legs' jitter (all legs, and the full-load ones) is below
#   JITTER_LIMIT_MS. Stepping stops after a step that fails badly (> 2 % loss or failed calls, or jitter
#   p99 > 30 ms).
#
# What it does
#   - unpacks the built distribution (distribution/target/switchboard-*.tar.gz; built with
#     `mvn -B -o -q install -DskipTests` if it is missing or BUILD=1) into bench/media-load/target/run-DATE/,
#   - SIP on 127.0.0.1:17360 (TLS 17361), Karaf ssh 18361, RMI 11361/14361, HTTP 18381, RTP RTP_MIN..RTP_MAX,
#     logger org.switchboard.media at DEBUG (only it), the SIP edge's limits raised (maxConcurrentCalls,
#     maxCallsPerSecond, per-source INVITE and REGISTER rates), queue support: wrapUpSeconds 0,
#     maxWaitSeconds 120, ringTimeoutSeconds 10; the demo agents removed and AGENTS agents 5001.. written
#     (one cfg file each: phone = id, password media<id>, skills english:5, queues support:1),
#   - holds the build lock (BENCH_LOCK) from before the server starts to the end, so that no build or test
#     runs meanwhile; bin/start, waits until the shell answers and every agent is defined,
#   - registers the agents of each phones' process with ONE sipp run from that process's port
#     (register-agents.xml, injection file user;[authentication ...]), so that every Contact points there,
#     then logs all agents in with one bin/client call,
#   - starts the PHONES sipp UAS (SIP 17391, 17393, ...; -rtp_echo on 17410, 17414, ...) and runs the steps,
#   - stops every sipp it started and the server (bin/stop) on exit, whatever happens (trap).
#
# Usage (from anywhere; about 7-9 minutes with the defaults, of which ~1 minute start-up):
#   bench/media-load/run.sh
# Environment (defaults in brackets):
#   STEPS ["250 500 750 1000 1250"]  RATE [50] calls/s  PLATEAU [25] s  AGENTS [the largest step]
#   PHONES [4]: sipp UAS processes for the agents' phones (1 = one sipp answers and echoes for all agents)
#   RECORDING [off]: off = no call is recorded (every policy.* of etc/org.switchboard.recording.cfg set to none,
#   when the distribution has call recording); shipped = the distribution's recording policies.
#   LOSS_LIMIT_PCT [0.5]  JITTER_LIMIT_MS [10]
#   MEMORY_CALLS [the highest passing step, else the first]: calls of the heap step at the end; 0 = no such step
#   RTP_MIN [40000] RTP_MAX [49999] (one even port per leg: two per call)
#   TARBALL [distribution/target/switchboard-0.1.0-SNAPSHOT.tar.gz]  BUILD [0]
#   BENCH_LOCK [/tmp/switchboard-build.lock] LOCK_WAIT_MAX [600] s; BENCH_LOCK= to not use it.
# Output: bench/media-load/target/run-DATE/ (summary.md = the table, steps.tsv, run.log, gc.log, karaf logs,
#   one folder per step with sipp's files, legs.tsv = every leg's statistics, CPU per process and per server
#   thread, heap histograms). The summary is also printed at the end.
# Everything stays on 127.0.0.1; every sipp run is bounded by -m and -timeout.
#
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
# shared helpers: log, set_property, stop_pid, the /proc readers, stat_field
source "$HERE/../lib/common.sh"

STEPS=${STEPS:-"250 500 750 1000 1250"}
RATE=${RATE:-50}
PLATEAU=${PLATEAU:-25}
LOSS_LIMIT_PCT=${LOSS_LIMIT_PCT:-0.5}
JITTER_LIMIT_MS=${JITTER_LIMIT_MS:-10}
MEMORY_CALLS=${MEMORY_CALLS:-}
RECORDING=${RECORDING:-off}
RTP_MIN=${RTP_MIN:-40000}
RTP_MAX=${RTP_MAX:-49999}
TARBALL=${TARBALL:-$ROOT/distribution/target/switchboard-0.1.0-SNAPSHOT.tar.gz}
BUILD=${BUILD:-0}
BENCH_LOCK=${BENCH_LOCK-/tmp/switchboard-build.lock}
LOCK_WAIT_MAX=${LOCK_WAIT_MAX:-600}
PHONES=${PHONES:-4}
LARGEST=$(printf '%s\n' $STEPS | sort -n | tail -1)
AGENTS=${AGENTS:-$LARGEST}

HOST=127.0.0.1
SIP_PORT=17360
TLS_PORT=17361
SSH_PORT=18361
RMI_REGISTRY_PORT=11361
RMI_SERVER_PORT=14361
JMXMP_PORT=19361
HTTP_PORT=18381
CALLER_PORT=17371
AGENT_PORT=17391         # the agents' phones: PHONES sipp UAS on 17391, 17393, ...
CALLER_MEDIA_PORT=17400  # the callers' RTP (sipp 3.6 streams every call from this one socket)
AGENT_MEDIA_PORT=17410   # their RTP echo on 17410, 17414, ... (sipp also echoes on +2)
FIRST_AGENT=5001

RUN=$HERE/target/run-$(date -u +%Y%m%d-%H%M%S)
mkdir -p "$RUN"
SUMMARY=$RUN/summary.md
STEPS_TSV=$RUN/steps.tsv
KARAF=""
UAS_PIDS=()
UAC_PID=""
SAMPLER_PID=""

# ---- the build lock, held from before the server starts to the end

LOCK_FD=""
LOCK_NOTE="not used"
lock() {
    [[ -n $BENCH_LOCK && -f $BENCH_LOCK ]] || return 0
    local t0
    t0=$(date +%s)
    exec {LOCK_FD}>>"$BENCH_LOCK"
    flock -n "$LOCK_FD" || log "waiting (at most ${LOCK_WAIT_MAX} s) for $BENCH_LOCK"
    if flock -w "$LOCK_WAIT_MAX" "$LOCK_FD"; then
        LOCK_NOTE="held from before the server started to the end (waited $(( $(date +%s) - t0 )) s for it)"
        log "holding $BENCH_LOCK"
    else
        LOCK_NOTE="still taken after ${LOCK_WAIT_MAX} s: measured WITHOUT it (builds may have run meanwhile)"
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
# in a subshell about to exec a long-lived process (server, sipp): that process must not hold the lock
close_lock_fd() {
    if [[ -n $LOCK_FD ]]; then exec {LOCK_FD}>&-; fi
}

# ---- clean-up: our sipp processes (by pid) and the server, whatever happens

cleanup() {
    local rc=$?
    set +e
    stop_pid "$SAMPLER_PID"
    stop_pid "$UAC_PID"
    local pid
    for pid in "${UAS_PIDS[@]}"; do stop_pid "$pid"; done
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
    unlock
    [[ $rc -eq 0 ]] || log "run.sh failed (exit $rc); see $RUN"
    exit $rc
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# ---- helpers (more in bench/lib/common.sh)

client() { # commands on stdin -> output
    (cd "$KARAF" && timeout 300 bin/client -a "$SSH_PORT" -u karaf -p karaf -r 3 -b 2>&1) || true
}

server_pid() {
    tr -d '[:space:]' < "$KARAF/karaf.pid"
}

rss_kib() { # pid -> resident memory in KiB
    awk '$1 == "VmRSS:" {print $2}' "/proc/$1/status" 2>/dev/null || echo 0
}

server_log_since() { # ISO timestamp -> karaf.log entries (all rotated files) at or after it, oldest first
    local f
    for f in $(ls -r "$KARAF"/data/log/karaf.log* 2>/dev/null); do
        awk -v s="$1" '/^[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T/ {in_window = substr($0, 1, 19) >= s} in_window' "$f"
    done
}

# CPU ticks of every thread of a process: "tid name ticks"

# per thread name (threads of the same name added up): "name (n): N %; ..." (100 = one core), top 8
top_threads() { # before after seconds
    awk 'FNR == NR {b[$1] = $3; next} {d[$2] += $3 - b[$1]; n[$2]++} END {for (k in d) if (d[k] > 0) print d[k], k, n[k]}' "$1" "$2" \
        | sort -rn | awk -v t="$(getconf CLK_TCK)" -v e="$3" 'NR <= 8 {printf "%s (%d): %.0f %%; ", $2, $3, 100 * $1 / t / e}'
}

thread_pct() { # before after seconds name-prefix -> % of a core of the threads whose name starts so
    awk -v p="$4" 'FNR == NR {b[$1] = $3; next} index($2, p) == 1 {d += $3 - b[$1]} END {print d + 0}' "$1" "$2" \
        | awk -v t="$(getconf CLK_TCK)" -v e="$3" '{printf "%.0f", 100 * $1 / t / e}'
}

# CPU ticks of every process: "pid name ticks"

# biggest CPU users between two process_ticks snapshots other than the pids given: "name pid: N %; ..."
top_processes() { # before after seconds pids-to-leave-out
    awk -v skip=" $4 " 'FNR == NR {b[$1] = $3; next}
        index(skip, " " $1 " ") == 0 {d = $3 - b[$1]; if (d > 0) printf "%d %s %s\n", d, $2, $1}' "$1" "$2" \
        | sort -rn | awk -v t="$(getconf CLK_TCK)" -v e="$3" 'NR <= 4 {printf "%s %s: %.0f %%; ", $2, $3, 100 * $1 / t / e}'
}

# Live objects of the server by class (a full GC first, so only what is still referenced)
heap_histogram() { # file
    timeout 120 jcmd "$(server_pid)" GC.class_histogram > "$1" 2>&1 || true
}

heap_total_bytes() { # histogram file -> bytes
    awk '$1 == "Total" {print $3}' "$1" 2>/dev/null
}

# classes whose live bytes grew most between two histograms: "class +N KiB (+M instances)", top 6
heap_growth() { # before after
    awk 'FNR == NR {if ($1 ~ /^[0-9]+:$/) {b[$4] = $3; i[$4] = $2}; next}
        $1 ~ /^[0-9]+:$/ {d = $3 - b[$4]; if (d > 0) printf "%d %s %d\n", d, $4, $2 - i[$4]}' "$1" "$2" \
        | sort -rn | awk 'NR <= 6 {printf "%s +%.0f KiB (+%d); ", $2, $1 / 1024, $3}'
}

# datagrams dropped by the kernel (receive buffer full) at the open IPv4 UDP sockets whose local port is in
# [lo, hi], since each socket was opened (/proc/net/udp: local address in hex, drops in the last column)
socket_drops() { # lo hi
    awk -v lo="$1" -v hi="$2" 'NR > 1 {split($2, a, ":"); port = 0
            for (i = 1; i <= length(a[2]); i++) port = port * 16 + index("0123456789ABCDEF", substr(a[2], i, 1)) - 1
            if (port >= lo && port <= hi) d += $NF}
        END {print d + 0}' /proc/net/udp
}

# G1 pauses in the server's GC log between two local timestamps: "count max_ms"
gc_pauses() { # from until
    awk -v s="$1" -v u="$2" '/Pause/ && /ms$/ {
            t = substr($0, 2, 19); if (t < s || t > u) next
            ms = $NF; sub(/ms$/, "", ms); n++; if (ms + 0 > max) max = ms + 0
        }
        END {printf "%d %.1f\n", n, max}' "$RUN/gc.log" 2>/dev/null || echo "0 0"
}

stat_max() { # sipp stat csv, column name -> largest value over the periodic lines
    awk -F';' -v col="$2" 'NR == 1 {for (i = 1; i <= NF; i++) if ($i == col) c = i; next} $c + 0 > m {m = $c + 0} END {print m + 0}' "$1"
}

# The statistics RtpLeg logs when a leg closes, one line per leg:
#   time call leg kind(caller|agent) sent send_failures received lost jitter_ms dropped
legs_from_log() {
    sed -nE 's/^([0-9T:.,-]+) .* call ([^ ]+) leg ([^ ]+) closed: sent ([0-9]+) \(([0-9]+) failed\), received ([0-9]+), lost (-?[0-9]+), jitter ([0-9.]+) ms, dropped ([0-9]+).*$/\1 \2 \3 \4 \5 \6 \7 \8 \9/p' \
        | awk '{kind = ($3 == "caller") ? "caller" : "agent"; print $1, $2, $3, kind, $4, $5, $6, $7, $8, $9}'
}

# loss of one kind of leg: "legs received lost loss_pct silent_legs" (silent = received nothing)
loss_of() { # legs file, kind
    awk -v k="$2" '$4 == k {n++; r += $7; l += $8; if ($7 == 0) s++}
        END {pct = (r + l > 0) ? 100 * l / (r + l) : 0; printf "%d %d %d %.3f %d\n", n, r, l, pct, s}' "$1"
}

# jitter over the legs of a file: "legs mean p99 max" (nearest-rank p99)
jitter_of() { # legs file
    awk '{print $9}' "$1" | sort -g | awk '{v[NR] = $1; s += $1}
        END {n = NR; if (!n) {print "0 - - -"; exit}
             i = int(n * 0.99); if (i < n * 0.99) i++
             printf "%d %.2f %.1f %.1f\n", n, s / n, v[i], v[n]}'
}

# ---- 1. the server

command -v sipp >/dev/null || { echo "sipp is not installed (apt-get install sip-tester)" >&2; exit 1; }
(( AGENTS >= LARGEST )) || { echo "AGENTS ($AGENTS) must be at least the largest step ($LARGEST)" >&2; exit 1; }
if [[ $BUILD == 1 || ! -f $TARBALL ]]; then
    log "building: mvn -B -o -q install -DskipTests (under the build lock)"
    if [[ -n $BENCH_LOCK ]]; then
        (cd "$ROOT" && flock -w "$LOCK_WAIT_MAX" "$BENCH_LOCK" mvn -B -o -q install -DskipTests)
    else
        (cd "$ROOT" && mvn -B -o -q install -DskipTests)
    fi
fi
TARBALL_TIME=$(date -u -r "$TARBALL" +%FT%TZ)
SOURCE_HEAD=$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo '?')
SOURCE_CHANGES=$(git -C "$ROOT" status --porcelain 2>/dev/null | wc -l)
log "run folder $RUN; unpacking $(basename "$TARBALL") ($TARBALL_TIME)"
mkdir -p "$RUN/server"
tar xzf "$TARBALL" -C "$RUN/server"
KARAF=$(find "$RUN/server" -mindepth 1 -maxdepth 1 -type d | head -1)
ETC=$KARAF/etc

set_property "$ETC/org.switchboard.sip.cfg" host "$HOST"
set_property "$ETC/org.switchboard.sip.cfg" port "$SIP_PORT"
set_property "$ETC/org.switchboard.sip.cfg" tlsPort "$TLS_PORT"
# the SIP edge's protection would answer 503 to one load generator long before the server is loaded
set_property "$ETC/org.switchboard.sip.cfg" maxConcurrentCalls 100000
set_property "$ETC/org.switchboard.sip.cfg" maxCallsPerSecond 10000
set_property "$ETC/org.switchboard.sip.cfg" invitesPerSecondPerSource 10000
set_property "$ETC/org.switchboard.sip.cfg" registersPerSecondPerSource 10000
set_property "$ETC/org.apache.karaf.shell.cfg" sshPort "$SSH_PORT"
set_property "$ETC/org.apache.karaf.management.cfg" rmiRegistryPort "$RMI_REGISTRY_PORT"
set_property "$ETC/org.apache.karaf.management.cfg" rmiServerPort "$RMI_SERVER_PORT"
set_property "$ETC/org.apache.karaf.management.cfg" jmxmpPort "$JMXMP_PORT"
[[ -f $ETC/org.ops4j.pax.web.cfg ]] && set_property "$ETC/org.ops4j.pax.web.cfg" org.osgi.service.http.port "$HTTP_PORT"
set_property "$ETC/org.switchboard.media.cfg" address "$HOST"
set_property "$ETC/org.switchboard.media.cfg" rtpPortMin "$RTP_MIN"
set_property "$ETC/org.switchboard.media.cfg" rtpPortMax "$RTP_MAX"
cat >> "$ETC/org.ops4j.pax.logging.cfg" <<EOF

# bench/media-load: every RTP leg's statistics when it closes (RtpLeg, DEBUG)
log4j2.logger.switchboardmedia.name = org.switchboard.media
log4j2.logger.switchboardmedia.level = DEBUG
EOF
if [[ $RECORDING == off && -f $ETC/org.switchboard.recording.cfg ]]; then
    sed -i -E 's/^([[:space:]]*policy\.[^=[:space:]]+)[[:space:]]*=.*$/\1 = none/' "$ETC/org.switchboard.recording.cfg"
fi
QUEUE_CFG=$ETC/org.switchboard.acd.queue-support.cfg
set_property "$QUEUE_CFG" wrapUpSeconds 0
set_property "$QUEUE_CFG" maxWaitSeconds 120
set_property "$QUEUE_CFG" ringTimeoutSeconds 10
rm -f "$ETC"/org.switchboard.acd.agent-*.cfg
LAST_AGENT=$((FIRST_AGENT + AGENTS - 1))
for g in $(seq 0 $((PHONES - 1))); do echo "SEQUENTIAL" > "$RUN/agents-$g.csv"; done
for id in $(seq "$FIRST_AGENT" "$LAST_AGENT"); do
    cat > "$ETC/org.switchboard.acd.agent-$id.cfg" <<EOF
# bench/media-load agent
id = $id
name = Media Agent $id
phone = $id
password = media$id
skills = english:5
queues = support:1
EOF
    # agent ids alternate between the phones' sipp processes, so that any N agents are spread evenly
    echo "$id;[authentication username=$id password=media$id]" >> "$RUN/agents-$(( (id - FIRST_AGENT) % PHONES )).csv"
done
cp "$KARAF/media/moh/default.wav" "$RUN/moh.wav"
(( $(( (RTP_MAX - RTP_MIN) / 2 )) >= 2 * LARGEST )) \
    || { echo "RTP_MIN..RTP_MAX has fewer than $((2 * LARGEST)) even ports (two per call)" >&2; exit 1; }

ECHO_LAST_PORT=$((AGENT_MEDIA_PORT + 4 * PHONES - 2))
for port in $SIP_PORT $TLS_PORT $CALLER_PORT $CALLER_MEDIA_PORT $(seq "$AGENT_PORT" 2 $((AGENT_PORT + 2 * PHONES - 2))) \
        $(seq "$AGENT_MEDIA_PORT" 2 "$ECHO_LAST_PORT"); do
    if ss -lnu | awk '{print $4}' | grep -qE "[:.]$port\$"; then log "UDP port $port is already in use"; exit 1; fi
done
for port in $SIP_PORT $TLS_PORT $SSH_PORT $RMI_REGISTRY_PORT $RMI_SERVER_PORT $HTTP_PORT; do
    if ss -lnt | awk '{print $4}' | grep -qE "[:.]$port\$"; then log "TCP port $port is already in use"; exit 1; fi
done

lock
T_START=$(date +%s)
log "bin/start"
(close_lock_fd; cd "$KARAF" && EXTRA_JAVA_OPTS="-Xlog:gc:file=$RUN/gc.log:time,uptime" exec bin/start)
started=$(date +%s)
while true; do
    out=$(echo "callcenter:queues" | client)
    if grep -q support <<< "$out"; then break; fi
    if (( $(date +%s) - started > 150 )); then
        log "callcenter:queues never answered (threads of the server in $RUN/server-threads-at-start.txt):"
        echo "$out" >&2
        timeout 30 jcmd "$(server_pid)" Thread.print > "$RUN/server-threads-at-start.txt" 2>&1 || true
        exit 1
    fi
    sleep 2
done
while true; do
    defined=$(echo "callcenter:agents" | client | awk -F'|' -v a="$FIRST_AGENT" -v b="$LAST_AGENT" '{gsub(/ /, "", $1)} $1 ~ /^[0-9]+$/ && $1 >= a && $1 <= b {n++} END {print n + 0}')
    (( defined >= AGENTS )) && break
    if (( $(date +%s) - started > 300 )); then log "only $defined of $AGENTS agents defined after 300 s"; exit 1; fi
    sleep 3
done
log "server up with $AGENTS agents defined after $(( $(date +%s) - started )) s"

# ---- 2. the agents' phones (one sipp run per phones' process) and logins

registered=0
for g in $(seq 0 $((PHONES - 1))); do
    port=$((AGENT_PORT + 2 * g))
    count=$(( $(wc -l < "$RUN/agents-$g.csv") - 1 ))
    log "registering $count agents from port $port"
    mkdir -p "$RUN/register-$g"
    (close_lock_fd; cd "$RUN/register-$g" && exec sipp -sf "$HERE/register-agents.xml" -inf "$RUN/agents-$g.csv" \
        -i "$HOST" -p "$port" -r 200 -m "$count" -l 50 -nostdin -timeout 120s \
        -trace_stat -stf stat.csv -trace_err -error_file errors.log "$HOST:$SIP_PORT" > register.out 2>&1) \
        || { log "the registrations failed"; tail -20 "$RUN/register-$g/register.out" >&2; exit 1; }
    registered=$(( registered + $(stat_field "$RUN/register-$g/stat.csv" 'SuccessfulCall(C)') ))
done
log "$registered of $AGENTS phones registered"
(( registered == AGENTS )) || { log "not every phone registered, see $RUN/register-*"; exit 1; }
logins=$(for id in $(seq "$FIRST_AGENT" "$LAST_AGENT"); do echo "callcenter:agent-login $id support"; done | client)
echo "$logins" > "$RUN/logins.txt"
available=$(grep -c "is available in support" <<< "$logins" || true)
log "$available of $AGENTS agents available"
(( available == AGENTS )) || { log "not every agent could log in, see $RUN/logins.txt"; exit 1; }

for g in $(seq 0 $((PHONES - 1))); do
    mkdir -p "$RUN/agents-uas-$g"
    # -rtp_buffsize does not reach the echo socket (sipp 3.6.1 keeps the system's default receive buffer there)
    (close_lock_fd; cd "$RUN/agents-uas-$g" && exec sipp -sf "$ROOT/bench/sipp-load/agent-answer-fast.xml" \
        -i "$HOST" -p $((AGENT_PORT + 2 * g)) -mi "$HOST" -mp $((AGENT_MEDIA_PORT + 4 * g)) -rtp_echo -nostdin \
        -timeout 3600s -buff_size 4194304 -trace_stat -stf stat.csv -fd 5 -trace_err -error_file errors.log \
        > uas.out 2>&1) &
    UAS_PIDS+=($!)
done
sleep 1
for pid in "${UAS_PIDS[@]}"; do
    kill -0 "$pid" 2>/dev/null || { log "an agents' sipp did not start"; cat "$RUN"/agents-uas-*/uas.out >&2; exit 1; }
done
uas_ticks() { local pid t=0; for pid in "${UAS_PIDS[@]}"; do t=$(( t + $(cpu_ticks "$pid") )); done; echo "$t"; }

# ---- 3. the steps

printf 'calls\tasked\tok\tfailed\tmax_up\tcaller_legs\tagent_legs\tcaller_loss_pct\tagent_loss_pct\tsilent_legs\tjitter_mean\tjitter_p99\tjitter_max\tfull_jitter_p99\tfull_jitter_max\tserver_cpu\tmedia_threads_cpu\tuac_cpu\tuas_cpu\tother_cpu\tmachine_cpu\theap_before_mb\theap_plateau_mb\theap_per_call_kib\trss_per_call_kib\tgc_pauses_n_max\tdrops_server_rtp\tdrops_agents_echo\tdrops_callers_media\tsend_failures\tpass\tudp_inerrors_rcvbuf\n' > "$STEPS_TSV"
BEST=0

step() { # N mode: media (counts) or memory (live heap with the calls up; its media numbers do not count)
    local n=$1 mode=$2 dir=$RUN/calls-$1
    [[ $mode == media ]] || dir=$RUN/memory-$1
    mkdir -p "$dir"
    ln -s "$RUN/moh.wav" "$dir/moh.wav"
    local ramp=$(( (n + RATE - 1) / RATE ))
    local hold_ms=$(( (ramp + PLATEAU) * 1000 ))
    local kpid
    kpid=$(server_pid)

    sleep 3
    local heap0=0 heap1=0 rss0 rss1
    if [[ $mode == memory ]]; then heap_histogram "$dir/heap-before.txt"; heap0=$(heap_total_bytes "$dir/heap-before.txt"); fi
    rss0=$(rss_kib "$kpid")
    local echo0 drops_echo
    echo0=$(socket_drops "$AGENT_MEDIA_PORT" "$ECHO_LAST_PORT")
    local since
    since=$(date +%Y-%m-%dT%H:%M:%S)   # karaf.log's timestamps are the JVM's local time, like date's
    log "$(basename "$dir"): $n calls at $RATE/s, each ${hold_ms} ms (all up for ~${PLATEAU} s)"
    local t0
    t0=$(date +%s)
    (close_lock_fd; cd "$dir" && exec timeout -k 5 $(( 2 * ramp + PLATEAU + 90 )) /usr/bin/time -f '%U %S %e' -o uac.time \
        sipp -sf "$HERE/caller-media.xml" -s 4000 -i "$HOST" -p "$CALLER_PORT" -mi "$HOST" -mp "$CALLER_MEDIA_PORT" -rtp_buffsize 4194304 \
            -r "$RATE" -m "$n" -l "$n" -d "$hold_ms" -nostdin -timeout "$(( 2 * ramp + PLATEAU + 60 ))s" \
            -recv_timeout 30000 -buff_size 4194304 \
            -trace_stat -stf stat.csv -fd 1 -trace_err -error_file errors.log \
            -trace_screen -screen_file screen.log "$HOST:$SIP_PORT" > uac.out 2>&1) &
    UAC_PID=$!
    # the UAC's own pid (the child of timeout and time) for its CPU
    local sipp_pid=""
    for _ in $(seq 1 20); do
        sipp_pid=$(pgrep -n -P "$(pgrep -n -P "$UAC_PID" 2>/dev/null || echo 0)" sipp 2>/dev/null || true)
        [[ -n $sipp_pid ]] && break
        sleep 0.1
    done

    # the plateau: all calls are up from `ramp` s on, until `ramp + PLATEAU` s
    sleep $(( ramp + 1 ))
    if [[ $mode == memory ]]; then heap_histogram "$dir/heap-plateau.txt"; heap1=$(heap_total_bytes "$dir/heap-plateau.txt"); fi
    rss1=$(rss_kib "$kpid")
    local w0 w1 window m0 m1 s0 s1 c0 c1 a0 a1 udp0 udp1
    w0=$(date +%s.%N)
    m0=$(machine_ticks); s0=$(cpu_ticks "$kpid"); c0=$(cpu_ticks "${sipp_pid:-0}"); a0=$(uas_ticks)
    udp0=$(udp_errors)
    thread_ticks "$kpid" > "$dir/threads.before"; process_ticks > "$dir/procs.before"
    local until_down=$(( t0 + ramp + PLATEAU - 2 - $(date +%s) ))
    (( until_down > 3 )) || until_down=3
    sleep "$until_down"
    m1=$(machine_ticks); s1=$(cpu_ticks "$kpid"); c1=$(cpu_ticks "${sipp_pid:-0}"); a1=$(uas_ticks)
    udp1=$(udp_errors)
    thread_ticks "$kpid" > "$dir/threads.after"; process_ticks > "$dir/procs.after"
    local drops_server drops_callers
    drops_server=$(socket_drops "$RTP_MIN" "$RTP_MAX")
    drops_callers=$(socket_drops "$CALLER_MEDIA_PORT" "$((CALLER_MEDIA_PORT + 2))")
    w1=$(date +%s.%N)
    window=$(awk -v a="$w0" -v b="$w1" 'BEGIN {printf "%.2f", b - a}')
    local up_now
    up_now=$(stat_field "$dir/stat.csv" 'CurrentCall' 2>/dev/null || echo '?')

    local rc=0
    wait "$UAC_PID" || rc=$?
    UAC_PID=""
    sleep 3   # the last legs close and log
    local until
    until=$(date +%Y-%m-%dT%H:%M:%S)
    drops_echo=$(( $(socket_drops "$AGENT_MEDIA_PORT" "$ECHO_LAST_PORT") - echo0 ))

    # SIP
    local ok failed max_up
    ok=$(stat_field "$dir/stat.csv" 'SuccessfulCall(C)'); ok=${ok:-0}
    failed=$((n - ok))
    max_up=$(stat_max "$dir/stat.csv" 'CurrentCall')
    # media: every leg closed during the step
    server_log_since "$since" | legs_from_log > "$dir/legs.tsv"
    local cn cr cl closs csilent an ar al aloss asilent
    read -r cn cr cl closs csilent < <(loss_of "$dir/legs.tsv" caller)
    read -r an ar al aloss asilent < <(loss_of "$dir/legs.tsv" agent)
    local jn jmean jp99 jmax
    read -r jn jmean jp99 jmax < <(jitter_of "$dir/legs.tsv")
    # the legs of the first tenth of the calls to hang up: closed while (nearly) all N calls were up
    local first=$(( (n + 9) / 10 ))
    awk -v m="$first" '$4 == "caller" && n < m {print $2; n++}' "$dir/legs.tsv" > "$dir/first-calls.txt"
    awk 'FNR == NR {c[$1] = 1; next} $2 in c' "$dir/first-calls.txt" "$dir/legs.tsv" > "$dir/legs-full-load.tsv"
    local fn fmean fp99 fmax
    read -r fn fmean fp99 fmax < <(jitter_of "$dir/legs-full-load.tsv")
    local send_failures
    send_failures=$(awk '{f += $6} END {print f + 0}' "$dir/legs.tsv")
    # CPU over the plateau window (100 = one core)
    local tck server_cpu uac_cpu uas_cpu machine_cpu other_cpu media_cpu
    tck=$(getconf CLK_TCK)
    pct() { awk -v a="$1" -v b="$2" -v t="$tck" -v e="$window" 'BEGIN {printf "%.0f", 100 * (b - a) / t / e}'; }
    server_cpu=$(pct "$s0" "$s1"); uac_cpu=$(pct "$c0" "$c1"); uas_cpu=$(pct "$a0" "$a1")
    machine_cpu=$(echo "$m0 $m1" | awk '{printf "%.0f", 100 * ($3 - $1) / ($4 - $2)}')
    other_cpu=$(awk -v m="$machine_cpu" -v n="$(nproc)" -v a="$server_cpu" -v b="$uac_cpu" -v c="$uas_cpu" \
        'BEGIN {o = m * n - a - b - c; printf "%.0f", o < 0 ? 0 : o}')
    # switchboard-media-receive and switchboard-media-pacing: the kernel keeps 15 characters of a name
    media_cpu=$(thread_pct "$dir/threads.before" "$dir/threads.after" "$window" switchboard-med)
    top_threads "$dir/threads.before" "$dir/threads.after" "$window" > "$dir/server-threads.txt"
    top_processes "$dir/procs.before" "$dir/procs.after" "$window" "$kpid ${sipp_pid:-0} ${UAS_PIDS[*]} $$" > "$dir/other-processes.txt"
    local udp_drops gc_n gc_max
    udp_drops=$(echo "$udp0 $udp1" | awk '{print ($3 - $1) "/" ($4 - $2)}')
    read -r gc_n gc_max < <(gc_pauses "$since" "$until")
    # memory
    local heap0_mb heap1_mb heap_call rss_call
    heap0_mb=$(awk -v b="$heap0" 'BEGIN {printf "%.0f", b / 1048576}')
    heap1_mb=$(awk -v b="$heap1" 'BEGIN {printf "%.0f", b / 1048576}')
    heap_call=$(awk -v a="$heap0" -v b="$heap1" -v n="$n" 'BEGIN {printf "%.1f", (b - a) / 1024 / n}')
    rss_call=$(awk -v a="$rss0" -v b="$rss1" -v n="$n" 'BEGIN {printf "%.1f", (b - a) / n}')
    if [[ $mode == memory ]]; then
        heap_growth "$dir/heap-before.txt" "$dir/heap-plateau.txt" > "$dir/heap-growth.txt"
    else
        heap0_mb=-; heap1_mb=-; heap_call=-
    fi

    local pass=yes
    (( failed == 0 && max_up >= n )) || pass=no
    awk -v c="$closs" -v a="$aloss" -v l="$LOSS_LIMIT_PCT" 'BEGIN {exit !(c >= l || a >= l)}' && pass=no
    awk -v j="$jp99" -v f="$fp99" -v l="$JITTER_LIMIT_MS" 'BEGIN {exit !(j == "-" || j + 0 >= l || f + 0 >= l)}' && pass=no
    (( cn == n && an == n )) || pass=no
    BAD=0
    if [[ $mode == memory ]]; then pass="(heap step)"
    elif [[ $pass == yes ]]; then BEST=$n; fi
    awk -v c="$closs" -v a="$aloss" -v f="$failed" -v n="$n" -v j="$jp99" \
        'BEGIN {exit !(c > 2 || a > 2 || f > 0.02 * n || j == "-" || j + 0 > 30)}' && BAD=1

    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' \
        "$n" "$n" "$ok" "$failed" "$max_up" "$cn" "$an" "$closs" "$aloss" "$((csilent + asilent))" \
        "$jmean" "$jp99" "$jmax" "$fp99" "$fmax" "$server_cpu" "$media_cpu" "$uac_cpu" "$uas_cpu" \
        "$other_cpu" "$machine_cpu" "$heap0_mb" "$heap1_mb" "$heap_call" "$rss_call" "$gc_n/$gc_max" "$drops_server" \
        "$drops_echo" "$drops_callers" "$send_failures" "$pass" "$udp_drops" >> "$STEPS_TSV"
    log "$(basename "$dir"): ok $ok failed $failed, max up $max_up (up at plateau end: $up_now), legs caller $cn agent $an," \
        "loss caller $closs % agent $aloss % (silent legs $((csilent + asilent))), jitter mean $jmean p99 $jp99 max $jmax ms" \
        "(full load p99 $fp99 max $fmax), CPU over ${window} s: server $server_cpu % (media threads $media_cpu %)," \
        "uac $uac_cpu % uas $uas_cpu % other $other_cpu % machine $machine_cpu %, heap $heap0_mb -> $heap1_mb MB" \
        "($heap_call KiB/call), RSS $rss_call KiB/call, GC pauses $gc_n (max $gc_max ms), socket drops server RTP $drops_server echo $drops_echo callers $drops_callers, machine UDP InErrors/RcvbufErrors $udp_drops," \
        "sipp rc $rc -> $pass"
    log "$(basename "$dir"): server threads: $(cat "$dir/server-threads.txt")"
}

for n in $STEPS; do
    step "$n" media
    if (( BAD )); then log "calls-$n failed badly: no larger step"; break; fi
done
MEMORY_CALLS=${MEMORY_CALLS:-$(( BEST > 0 ? BEST : $(printf '%s\n' $STEPS | head -1) ))}
(( MEMORY_CALLS == 0 )) || step "$MEMORY_CALLS" memory
T_END=$(date +%s)
{ echo "callcenter:queues"; echo "callcenter:agents"; } | client > "$RUN/after-steps.txt"

# ---- summary

{
    echo "# media-load run $(basename "$RUN")"
    echo
    echo "Distribution: $(basename "$TARBALL") built $TARBALL_TIME; source tree at $SOURCE_HEAD with" \
        "$SOURCE_CHANGES changed/untracked paths. Machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GB", $2 / 1048576}' /proc/meminfo)," \
        "$(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo). Build lock: $LOCK_NOTE."
    echo "Command: STEPS=\"$STEPS\" RATE=$RATE PLATEAU=$PLATEAU AGENTS=$AGENTS PHONES=$PHONES RECORDING=$RECORDING MEMORY_CALLS=$MEMORY_CALLS bench/media-load/run.sh" \
        "($(( (T_END - T_START) / 60 )) min $(( (T_END - T_START) % 60 )) s from bin/start to the last step)"
    echo
    echo "| calls | ok / failed | most up at once | loss caller legs % | loss agent legs % | legs that received nothing | jitter mean / p99 / max ms (all legs) | jitter p99 / max ms (first 10 % to hang up) | server CPU % | media threads CPU % | UAC sipp CPU % | UAS sipp CPU % | other CPU % | machine busy % | live heap before / at plateau MB | heap per call KiB | RSS per call KiB | GC pauses n / max ms | socket drops: server RTP legs / agents' echo / callers' media (never read) | send failures | pass |"
    echo "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|"
    awk -F'\t' 'NR > 1 {printf "| %s | %s / %s | %s | %s | %s | %s | %s / %s / %s | %s / %s | %s | %s | %s | %s | %s | %s | %s / %s | %s | %s | %s | %s | %s | **%s** |\n",
        $1, $3, $4, $5, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, $24, $25, $26,
        $27 " / " $28 " / " $29, $30, $31}' "$STEPS_TSV"
    echo
    echo "Highest N that passed (every call up, loss < $LOSS_LIMIT_PCT % on both legs, jitter p99 < $JITTER_LIMIT_MS ms): **$BEST**"
    echo
    echo "CPU % over the plateau (all calls up), 100 = one core; machine busy % of all $(nproc) cores."
    echo
    echo "## Server threads over each plateau (threads of one name added up, 100 = one core)"
    echo
    for d in $(printf '%s\n' "$RUN"/calls-* | sort -V) "$RUN"/memory-*; do [[ -s $d/server-threads.txt ]] && echo "- $(basename "$d"): $(cat "$d/server-threads.txt")"; done
    echo
    echo "## Other processes over each plateau"
    echo
    for d in $(printf '%s\n' "$RUN"/calls-* | sort -V) "$RUN"/memory-*; do [[ -f $d/other-processes.txt ]] && echo "- $(basename "$d"): $(cat "$d/other-processes.txt")"; done
    echo
    echo "## Live heap growth by class, before the step -> plateau"
    echo
    [[ -s $RUN/memory-$MEMORY_CALLS/heap-growth.txt ]] && echo "- $MEMORY_CALLS calls: $(cat "$RUN/memory-$MEMORY_CALLS/heap-growth.txt")"
    echo
} > "$SUMMARY"
cat "$SUMMARY"
