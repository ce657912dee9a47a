"""The one notification about her data: ``user_data_changed(kind)``.

Every widget that writes her data emits ``user_data_changed`` after a completed write, naming
what changed (:data:`NOTES`, :data:`FOLLOWUPS`, :data:`BASKET`, or :data:`ALL` after an import or an erase);
every pane that shows her data has an ``on_user_data_changed(kind)`` slot. ``ui/shell/main_window.py``
joins them through its own ``user_data_changed`` signal, so every emission reaches every pane
(the sender too, which ignores its own kind) and no pane is wired to another.
"""

from __future__ import annotations

NOTES = "notes"
FOLLOWUPS = "followups"
BASKET = "basket"  # the print basket (handout pack)
ALL = "all"
