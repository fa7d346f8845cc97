#!/usr/bin/env bash
# Makes the default prompts and music on hold that the distribution ships (media/prompts, media/moh):
# 8 kHz mono G.711 mu-law WAV files, the format the media server sends without converting.
# Needs espeak-ng and sox (Debian: apt-get install espeak-ng sox). The files are kept in the repository, so a
# build does not need these tools; run this after changing prompts.txt.
set -euo pipefail
cd "$(dirname "$0")"
voice="${VOICE:-en-us}"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

grep -v '^#' prompts.txt | while IFS='|' read -r name text; do
  [ -n "$name" ] || continue
  mkdir -p "prompts/$(dirname "$name")"
  espeak-ng -v "$voice" -s 150 -w "$tmp/raw.wav" "$text"
  sox -R -D "$tmp/raw.wav" -r 8000 -c 1 -e u-law -b 8 "prompts/$name.wav" norm -3
done

# Music on hold: a slow arpeggio of sine tones, 8 seconds, looped by the server.
mkdir -p moh
notes=(261.63 329.63 392.00 523.25 392.00 329.63 293.66 349.23 440.00 587.33 440.00 349.23 246.94 293.66 392.00 493.88)
parts=()
for i in "${!notes[@]}"; do
  sox -R -n -r 8000 -c 1 "$tmp/note$i.wav" synth 0.5 sine "${notes[$i]}" fade q 0.05 0.5 0.2 vol 0.4
  parts+=("$tmp/note$i.wav")
done
sox -R -D "${parts[@]}" -r 8000 -c 1 -e u-law -b 8 moh/default.wav
