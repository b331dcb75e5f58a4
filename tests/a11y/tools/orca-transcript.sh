#!/bin/bash
# orca-transcript.sh PREFIX OUT KEY...
#
# Inside /work/shared/tools/desktop-session (a D-Bus session; the AT-SPI bus
# starts on demand): starts Orca 43 with its speech logged instead of spoken,
# starts PREFIX/bin/cq-atlas, presses each KEY with xdotool (three seconds
# apart; "shot:NAME" takes a screenshot instead) and writes what Orca said to
# OUT.txt.  See tests/a11y/README.md.
#
# SPDX-License-Identifier: GPL-3.0-or-later
set -u
prefix=$1 out=$2; shift 2
work=$(mktemp -d)

# Orca's debug file, line-buffered, and no speech server (speech-dispatcher
# can block without an audio device): Orca still logs every utterance.
sed -e "s/open(args.debug_file, 'w')/open(args.debug_file, 'w', buffering=1)/" \
    -e "s/^    return orca.main()/    from orca import speech as _speech\n    _speech.init = lambda *a, **k: None\n    return orca.main()/" \
    /usr/bin/orca > "$work/orca"
/usr/bin/python3 "$work/orca" --replace --debug-file="$work/orca.debug" > "$work/orca.out" 2>&1 &
orca=$!
for i in $(seq 90); do grep -q "SPEECH OUTPUT: 'Screen reader on" "$work/orca.debug" 2>/dev/null && break; sleep 1; done

XDG_DATA_DIRS=$prefix/share:/usr/share GSETTINGS_SCHEMA_DIR=$prefix/share/glib-2.0/schemas \
  "$prefix/bin/cq-atlas" > "$work/app.log" 2>&1 &
app=$!
sleep 15
for key in "$@"; do
  case $key in
    shot:*) shot "${key#shot:}";;
    *) xdotool key "$key"; sleep 3;;
  esac
done
sleep 5
kill $app; sleep 3; kill $orca
# Orca says the keys pressed too ("tab", "F5").
grep -a "SPEECH OUTPUT" "$work/orca.debug" | sed -e "s/{'established.*//" > "$out.txt"
rm -rf "$work"
