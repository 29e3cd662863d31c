#!/usr/bin/env python3
"""Every control of Amigo has an accessible name.

Runs tests/a11y-driver (the real application against moto), which opens
the main window and then each dialog; for each, walks the accessibility
tree as a screen reader sees it (AT-SPI, through pyatspi) and fails on any
button, entry, toggle, menu button, drop-down, spin button or list row
that has no name. Prints TAP, one test per window, each failure as its
role, its widget type and its path from the window, with the text around
it, so that it is easy to find and fix.

    test-ui-a11y.py DRIVER [VIEW]

Run it inside tests/moto-harness.sh, run-with-keyring.sh (a private
session bus), run-with-xvfb.sh and run-with-a11y.sh (the accessibility
bus); tests/meson.build does.

SPDX-License-Identifier: GPL-3.0-or-later
"""
import os
import re
import subprocess
import sys
import time

import pyatspi

# Roles a person acts on: each needs a name a screen reader can say.
CONTROL_ROLES = {
    pyatspi.ROLE_PUSH_BUTTON,
    pyatspi.ROLE_TOGGLE_BUTTON,
    pyatspi.ROLE_CHECK_BOX,
    pyatspi.ROLE_RADIO_BUTTON,
    pyatspi.ROLE_ENTRY,
    pyatspi.ROLE_PASSWORD_TEXT,
    pyatspi.ROLE_SPIN_BUTTON,
    pyatspi.ROLE_COMBO_BOX,
    pyatspi.ROLE_LIST_ITEM,
    pyatspi.ROLE_SLIDER,
    pyatspi.ROLE_LINK,
    pyatspi.ROLE_MENU_ITEM,
    pyatspi.ROLE_CHECK_MENU_ITEM,
    pyatspi.ROLE_RADIO_MENU_ITEM,
}
for extra in ("ROLE_SWITCH", "ROLE_PUSH_BUTTON_MENU"):
    if hasattr(pyatspi, extra):
        CONTROL_ROLES.add(getattr(pyatspi, extra))

# GTK 4.8 answers a widget's type name (or its widget name, also a type
# name unless set) when it has no accessible name: that is no name.
TYPE_NAME = re.compile(r"^(Gtk|Adw|Amigo)[A-Z][A-Za-z]*$")

# Rows of a GtkListView or GtkColumnView (GtkListItemWidget: a drop-down's
# choices, the image table) cannot be named in GTK 4.8
# (gtk_list_item_set_accessible_label came with 4.12): a screen reader reads
# their content instead, so such a row must hold some text.
FACTORY_VIEWS = {"GtkListView", "GtkColumnListView"}
FACTORY_ROW_ROLES = {pyatspi.ROLE_LIST_ITEM, pyatspi.ROLE_TABLE_ROW}

def is_editable_text(acc, role):
    """A text field (GtkText, GtkEntry, an AdwEntryRow's field, a
    GtkTextView): AT-SPI's "text" role, which labels share only when not
    editable."""
    return role == pyatspi.ROLE_TEXT and acc.getState().contains(pyatspi.STATE_EDITABLE)


def has_name(acc):
    name = (acc.name or "").strip()
    return bool(name) and not TYPE_NAME.match(name)


def describe(acc):
    """Its role and name, or the type GTK gives for a name when none."""
    role = acc.getRoleName()
    if has_name(acc):
        return f"{role} '{acc.name}'"
    return f"{role} <{acc.name}>" if acc.name else role


def nearby_text(acc, limit=3):
    """The first few texts of the parent's other children, to tell where
    an unnamed control is."""
    texts = []
    parent = acc.parent
    if parent is None:
        return texts
    for sibling in parent:
        if sibling is None or sibling == acc:
            continue
        for node in walk_all(sibling, max_depth=4):
            if node.getRole() == pyatspi.ROLE_LABEL and has_name(node):
                texts.append(node.name)
                break
        if len(texts) >= limit:
            break
    return texts


def walk_all(acc, max_depth=60, depth=0):
    yield acc
    if depth >= max_depth:
        return
    for child in acc:
        if child is not None:
            yield from walk_all(child, max_depth, depth + 1)


def unnamed_controls(window):
    """(path, description) of every control below @window without a name."""
    found = []

    def visit(acc, path):
        try:
            role = acc.getRole()
            children = [child for child in acc if child is not None]
        except Exception as e:  # gone while walking, or no answer
            found.append((path, f"could not read: {e}"))
            return
        parent = acc.parent
        if role in FACTORY_ROW_ROLES and parent is not None and parent.name in FACTORY_VIEWS:
            if not any(node.getRole() in (pyatspi.ROLE_LABEL, pyatspi.ROLE_TEXT) and has_name(node)
                       for node in walk_all(acc)):
                found.append((path, f"{describe(acc)} shows no text to read"))
        elif (role in CONTROL_ROLES or is_editable_text(acc, role)) and not has_name(acc):
            near = nearby_text(acc)
            where = f" (next to: {' | '.join(near)})" if near else ""
            tip = f" (tooltip: {acc.description})" if acc.description else ""
            found.append((path, f"{describe(acc)} has no accessible name{tip}{where}"))
        for i, child in enumerate(children):
            try:
                where = f"{path} / {describe(child)}[{i}]"
            except Exception as e:
                found.append((f"{path} / [{i}]", f"could not read: {e}"))
                continue
            visit(child, where)

    visit(window, describe(window))
    return found


def find_application(pid, timeout=30):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        desktop = pyatspi.Registry.getDesktop(0)
        for app in desktop:
            try:
                if app is not None and app.get_process_id() == pid:
                    return app
            except Exception:
                pass
        time.sleep(0.2)
    return None


def find_window(app, index, title, timeout=30):
    """The window by its title, else by its place; GTK may list a new
    window a moment after it is shown (slowly under sanitizers)."""
    deadline = time.monotonic() + timeout
    while True:
        windows = [w for w in app if w is not None]
        if title:
            for w in windows:
                if w.name == title:
                    return w
        elif index < len(windows):
            return windows[index]
        if time.monotonic() >= deadline:
            return None
        time.sleep(0.2)


def main():
    if len(sys.argv) < 2:
        print(f"usage: {sys.argv[0]} DRIVER [VIEW]", file=sys.stderr)
        return 2
    # The application answers from its main loop: slow under sanitizers.
    pyatspi.setTimeout(120000, 120000)
    driver = subprocess.Popen(sys.argv[1:], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                              text=True, bufsize=1)
    app = None
    n = 0
    failed = 0
    for line in driver.stdout:
        line = line.rstrip("\n")
        if line == "DONE":
            break
        if not line.startswith("READY "):
            print(f"# driver: {line}")
            continue
        _, view, index, _gtype, *rest = line.split(" ", 4)
        title = rest[0] if rest else ""
        n += 1
        if app is None:
            app = find_application(driver.pid)
        window = find_window(app, int(index), title) if app is not None else None
        if window is None:
            problems = [("", f"window {index} '{title}' not found on the accessibility bus")]
        else:
            problems = unnamed_controls(window)
            if not has_name(window):
                problems.insert(0, (describe(window), "the window has no accessible name (title)"))
        if problems:
            failed += 1
            print(f"not ok {n} {view}: {len(problems)} problem(s)")
            for path, what in problems:
                print(f"#   {what}")
                print(f"#     at {path}")
        else:
            print(f"ok {n} {view}")
        sys.stdout.flush()
        driver.stdin.write("NEXT\n")
        driver.stdin.flush()
    driver.stdin.close()
    status = driver.wait(timeout=60)
    if status == 77 and n == 0:
        print("1..0 # SKIP the driver skipped (not inside the moto harness)")
        return 77
    if status != 0:
        n += 1
        print(f"not ok {n} driver exited with status {status}")
        failed += 1
    if n == 0:
        print("not ok 1 the driver showed no window")
        n = 1
        failed = 1
    print(f"1..{n}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
