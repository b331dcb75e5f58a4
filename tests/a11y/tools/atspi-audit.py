#!/usr/bin/python3
# atspi-audit.py APP OUT.txt
#
# Dumps every window of a running application as AT-SPI (and so Orca) sees it,
# and counts the focusable objects whose name is empty, a type name
# ("GtkImage"), shows a mnemonic underscore or repeats itself.  A scroll pane
# that holds something focusable is left out: GTK never gives it the focus.
# Run with the system Python (/usr/bin/python3, python3-pyatspi) inside the
# application's D-Bus session.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import re
import sys
import time

import pyatspi

TYPE_NAME = re.compile(r'\b(Gtk|Adw|Atlas)[A-Z][A-Za-z]+\b')


def bad_name(name):
    if not name.strip():
        return 'no name'
    if TYPE_NAME.search(name):
        return 'type name'
    if '_' in name:
        return 'underscore'
    words = name.split(' ')
    half = len(words) // 2
    if len(words) % 2 == 0 and half and words[:half] == words[half:]:
        return 'said twice'
    return None


def find_app(name):
    for _ in range(60):
        for app in pyatspi.Registry.getDesktop(0):
            if app is not None and app.name == name:
                return app
        time.sleep(1)
    sys.exit('no application called ' + name)


def walk(obj, depth, out):
    """Returns whether obj or anything below it is focusable."""
    try:
        role, name = obj.getRoleName(), obj.name or ''
        description = obj.description or ''
        focusable = obj.getState().contains(pyatspi.STATE_FOCUSABLE)
    except Exception as error:
        out.append((depth, 'ERROR', str(error), False, []))
        return False
    entry = [depth, role, name, focusable, description]
    out.append(entry)
    below = False
    for i in range(obj.childCount):
        try:
            child = obj.getChildAtIndex(i)
        except Exception:
            continue
        if child is not None:
            below |= walk(child, depth + 1, out)
    if role == 'scroll pane' and below:
        entry[3] = False
    return focusable or below


def main():
    app_name, path = sys.argv[1], sys.argv[2]
    nodes = []
    for frame in find_app(app_name):
        if frame is not None:
            walk(frame, 0, nodes)
    problems, interactive = [], 0
    with open(path, 'w') as out:
        for depth, role, name, focusable, description in nodes:
            why = bad_name(name) if focusable else None
            interactive += focusable
            if why:
                problems.append('%s: %s %r' % (why, role, name))
            out.write('%s%s %r%s%s%s\n' % ('  ' * depth, role, name,
                                           ' desc=%r' % description[:80] if description else '',
                                           ' [focusable]' if focusable else '',
                                           '   <<< ' + why if why else ''))
        out.write('\n%d of %d focusable objects badly named (%d objects)\n' %
                  (len(problems), interactive, len(nodes)))
        out.write('\n'.join(problems) + '\n')
    print('%s: %d of %d focusable objects badly named' % (path, len(problems), interactive))


main()
