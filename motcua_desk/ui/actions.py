"""Every QAction of the window, with its text and shortcut, declared once and looked up by an
enum (Picard's picard/ui/mainwindow/actions.py). Widgets connect to them in their
_connect_signals(); the key map lives here and nowhere else.

Keys, chosen for a counter officer who keeps one hand on the scanner:
  F2–F8 the seven places (intake, dossiers, handoff, return, ledgers, settings, reports);
  Ctrl+F find;
  F9 refresh the counts; Alt+Left back; F1 this list; Ctrl+Q quit.
  Intake: Ctrl+S save and print the slip, Ctrl+B ask to supplement, Ctrl+T refuse,
  Ctrl+Shift+N clear the form.
  Dossier: Ctrl+G hand off, Ctrl+K result received, Ctrl+B supplement, Ctrl+U supplement
  received, Ctrl+T refuse, Ctrl+H apology and new date, Ctrl+R return, Ctrl+D stop,
  Ctrl+M note, Ctrl+Del void, Ctrl+P print again, Ctrl+E fee or e-receipt code.
The same letter means the same thing wherever it works (B = bổ sung, T = từ chối).
Keys that belong to one dialog or one screen's widget, not to a window action, are the local
shortcuts (`LocalId`, made by `local_shortcuts`): Ctrl+Enter confirms a dialog (Enter writes a
new line in a reason box) and the handoff list, Delete removes the handoff row selected, Ctrl+P
in the print preview chooses the printer and prints. F1 lists them too.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum, auto

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QWidget


class ActionId(Enum):
    GO_INTAKE = auto()
    GO_DOSSIERS = auto()
    GO_HANDOFF = auto()
    GO_RETURN = auto()
    GO_PRINT = auto()
    GO_SETTINGS = auto()
    GO_REPORTS = auto()
    FIND = auto()
    BACK = auto()
    REFRESH = auto()
    SHORTCUTS = auto()
    SYNC_EXCEPTIONS = auto()
    QUIT = auto()
    # intake
    SAVE_INTAKE = auto()
    SUPPLEMENT_INTAKE = auto()
    REFUSE_INTAKE = auto()
    CLEAR_INTAKE = auto()
    # dossier
    HANDOFF = auto()
    RECEIVE_RESULT = auto()
    SUPPLEMENT = auto()
    RESUBMIT = auto()
    REFUSE = auto()
    EXTEND = auto()
    RETURN = auto()
    STOP = auto()
    NOTE = auto()
    VOID = auto()
    REPRINT = auto()
    FEE = auto()


NAVIGATION = (ActionId.GO_INTAKE, ActionId.GO_DOSSIERS, ActionId.GO_HANDOFF,
              ActionId.GO_RETURN, ActionId.GO_PRINT, ActionId.GO_SETTINGS, ActionId.GO_REPORTS)
INTAKE = (ActionId.SAVE_INTAKE, ActionId.SUPPLEMENT_INTAKE, ActionId.REFUSE_INTAKE,
          ActionId.CLEAR_INTAKE)
# dossier actions by the names the services use in DossierDetail.allowed_actions
DOSSIER = {
    "handoff": ActionId.HANDOFF, "receive_result": ActionId.RECEIVE_RESULT,
    "supplement": ActionId.SUPPLEMENT, "resubmit": ActionId.RESUBMIT, "refuse": ActionId.REFUSE,
    "extend": ActionId.EXTEND, "return": ActionId.RETURN, "stop": ActionId.STOP,
    "note": ActionId.NOTE, "void": ActionId.VOID, "reprint": ActionId.REPRINT,
    "fee": ActionId.FEE,
}


translate = QCoreApplication.translate


def _specs() -> dict[ActionId, tuple[str, str, str]]:
    """id → (text with mnemonic, shortcut, status tip). Built at call time so that the texts
    are translated with the translator in force."""
    return {
        ActionId.GO_INTAKE: (translate("Actions", "&Intake"), "F2", translate("Actions", "Receive a dossier")),
        ActionId.GO_DOSSIERS: (translate("Actions", "&Dossiers"), "F3", translate("Actions", "Find and list dossiers")),
        ActionId.GO_HANDOFF: (translate("Actions", "&Handoff"), "F4",
                              translate("Actions", "Hand dossiers to a department, or take results back")),
        ActionId.GO_RETURN: (translate("Actions", "&Return results"), "F5", translate("Actions", "Give the result to the citizen")),
        ActionId.GO_PRINT: (translate("Actions", "&Ledgers and printing"), "F6",
                            translate("Actions", "The dossier ledger and the daily handoff list")),
        ActionId.GO_SETTINGS: (translate("Actions", "S&ettings"), "F7",
                               translate("Actions", "Office hours, calendar, printers, officer, language")),
        ActionId.GO_REPORTS: (translate("Actions", "Re&ports"), "F8",
                              translate("Actions", "The office's figures: Biểu 06, late dossiers, "
                                        "QĐ 766 indices")),
        ActionId.FIND: (translate("Actions", "&Find a dossier"), "Ctrl+F",
                        translate("Actions", "Search by code, name, citizen ID or phone")),
        ActionId.BACK: (translate("Actions", "&Back"), "Alt+Left", translate("Actions", "Back to the previous screen")),
        ActionId.REFRESH: (translate("Actions", "Re&fresh"), "F9", translate("Actions", "Count today's work again")),
        ActionId.SHORTCUTS: (translate("Actions", "&Keyboard shortcuts"), "F1", translate("Actions", "All keyboard shortcuts")),
        ActionId.SYNC_EXCEPTIONS: (translate("Actions", "S&ync and sync exceptions…"), "",
                                   translate("Actions", "Where sync stands, and what two desks "
                                             "did to one dossier while offline")),
        ActionId.QUIT: (translate("Actions", "&Quit"), "Ctrl+Q", translate("Actions", "Close the program")),
        ActionId.SAVE_INTAKE: (translate("Actions", "Sa&ve and print the slip"), "Ctrl+S",
                               translate("Actions", "Receive the dossier, issue its code and print Form 01")),
        ActionId.SUPPLEMENT_INTAKE: (translate("Actions", "Ask to &supplement…"), "Ctrl+B",
                                     translate("Actions", "The dossier is incomplete: print Form 02")),
        ActionId.REFUSE_INTAKE: (translate("Actions", "Ref&use…"), "Ctrl+T",
                                 translate("Actions", "The dossier cannot be accepted: print Form 03")),
        ActionId.CLEAR_INTAKE: (translate("Actions", "Cl&ear the form"), "Ctrl+Shift+N",
                                translate("Actions", "Start again with an empty form")),
        ActionId.HANDOFF: (translate("Actions", "Han&d off…"), "Ctrl+G", translate("Actions", "Hand the dossier to a department")),
        ActionId.RECEIVE_RESULT: (translate("Actions", "Result &received…"), "Ctrl+K",
                                  translate("Actions", "The department brought the result back")),
        ActionId.SUPPLEMENT: (translate("Actions", "Ask to &supplement…"), "Ctrl+B",
                              translate("Actions", "Ask the applicant for missing papers (Form 02)")),
        ActionId.RESUBMIT: (translate("Actions", "Supplement rec&eived"), "Ctrl+U",
                            translate("Actions", "The completed dossier is back: the clock restarts")),
        ActionId.REFUSE: (translate("Actions", "Ref&use…"), "Ctrl+T", translate("Actions", "Refuse the dossier (Form 03)")),
        ActionId.EXTEND: (translate("Actions", "&Apology, new date…"), "Ctrl+H",
                          translate("Actions", "Apologise and set a new return date, once (Form 04)")),
        ActionId.RETURN: (translate("Actions", "Re&turn result…"), "Ctrl+R",
                          translate("Actions", "Give the result to the citizen")),
        ActionId.STOP: (translate("Actions", "St&op…"), "Ctrl+D",
                        translate("Actions", "Stop at the applicant's request (Form 05)")),
        ActionId.NOTE: (translate("Actions", "&Note…"), "Ctrl+M", translate("Actions", "Add a note to the dossier")),
        ActionId.VOID: (translate("Actions", "&Void…"), "Ctrl+Del", translate("Actions", "Void a dossier entered by mistake")),
        ActionId.REPRINT: (translate("Actions", "&Print again…"), "Ctrl+P", translate("Actions", "Print one of the dossier's forms")),
        ActionId.FEE: (translate("Actions", "Fee, e-re&ceipt…"), "Ctrl+E",
                       translate("Actions", "Record a fee paid after intake, or the "
                                 "e-receipt's lookup code")),
    }


class LocalId(Enum):
    """The shortcuts of one dialog or one screen's widget (QShortcut, not QAction)."""

    CONFIRM_DIALOG = auto()
    CONFIRM_HANDOFF = auto()
    REMOVE_HANDOFF_ROW = auto()
    PRINT_PREVIEW = auto()


_CONFIRM_KEYS = ("Ctrl+Return", "Ctrl+Enter")
# id -> (its keys, the context its QShortcuts are made with)
_LOCAL_KEYS: dict[LocalId, tuple[tuple[str | QKeySequence.StandardKey, ...], Qt.ShortcutContext]] = {
    LocalId.CONFIRM_DIALOG: (_CONFIRM_KEYS, Qt.ShortcutContext.WindowShortcut),
    LocalId.CONFIRM_HANDOFF: (_CONFIRM_KEYS, Qt.ShortcutContext.WidgetWithChildrenShortcut),
    LocalId.REMOVE_HANDOFF_ROW: ((QKeySequence.StandardKey.Delete,), Qt.ShortcutContext.WidgetShortcut),
    LocalId.PRINT_PREVIEW: (("Ctrl+P",), Qt.ShortcutContext.WindowShortcut),
}


def _local_texts() -> dict[LocalId, str]:
    """id -> what it does, for the F1 list (built at call time, like `_specs`)."""
    return {
        LocalId.CONFIRM_DIALOG: translate("Actions", "In a dialog: confirm (in a reason box Enter writes a new line)"),
        LocalId.CONFIRM_HANDOFF: translate("Actions", "Handoff: confirm the list"),
        LocalId.REMOVE_HANDOFF_ROW: translate("Actions", "Handoff: remove the selected dossier from the list"),
        LocalId.PRINT_PREVIEW: translate("Actions", "Print preview: choose the printer and print"),
    }


def local_shortcuts(local_id: LocalId, widget: QWidget, slot: Callable[[], object]) -> list[QShortcut]:
    """Make the QShortcuts of `local_id` on `widget`, each calling `slot`."""
    keys, context = _LOCAL_KEYS[local_id]
    made = []
    for key in keys:
        # set apart: PySide 6.12 drops a `context=` given to the constructor with a slot
        shortcut = QShortcut(QKeySequence(key), widget)
        shortcut.setContext(context)
        shortcut.activated.connect(slot)
        made.append(shortcut)
    return made


def local_shortcut_table() -> list[tuple[str, str]]:
    """(shortcuts, what they do) of the dialogs' and screens' own keys, for the F1 list."""
    texts = _local_texts()
    return [
        (
            ", ".join(QKeySequence(key).toString(QKeySequence.SequenceFormat.NativeText) for key in keys),
            texts[local_id],
        )
        for local_id, (keys, _context) in _LOCAL_KEYS.items()
    ]


class Actions:
    """The window's actions, created once; `actions[ActionId.X]` is the QAction."""

    def __init__(self, parent: QWidget) -> None:
        self._actions: dict[ActionId, QAction] = {}
        for action_id, (text, shortcut, tip) in _specs().items():
            action = QAction(text, parent)
            action.setObjectName(f"action{action_id.name.title().replace('_', '')}")
            if shortcut:
                action.setShortcut(QKeySequence(shortcut))
            action.setStatusTip(tip)
            action.setToolTip(f"{tip} ({QKeySequence(shortcut).toString(QKeySequence.SequenceFormat.NativeText)})"
                              if shortcut else tip)
            self._actions[action_id] = action

    def __getitem__(self, action_id: ActionId) -> QAction:
        return self._actions[action_id]

    def items(self):
        return self._actions.items()

    def attach(self, widget: QWidget, ids, *, local: bool = False) -> None:
        """Add these actions to `widget`; `local`: their shortcuts work only while the focus
        is inside it (the intake's Ctrl+S, the dossier's Ctrl+T)."""
        for action_id in ids:
            action = self._actions[action_id]
            if local:
                action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            widget.addAction(action)

    def connect(self, action_id: ActionId, slot: Callable[[], object]) -> None:
        self._actions[action_id].triggered.connect(lambda _checked=False: slot())

    def shortcut_table(self) -> list[tuple[str, str]]:
        """(shortcut, what it does) for the F1 list, each once."""
        rows: list[tuple[str, str]] = []
        for action in self._actions.values():
            seq = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            row = (seq, plain_text(action.text()).rstrip("…"))
            if seq and row not in rows:
                rows.append(row)
        return rows


def plain_text(text: str) -> str:
    """An action's text without its mnemonic marks ("&Sổ && in ấn" → "Sổ & in ấn")."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")
