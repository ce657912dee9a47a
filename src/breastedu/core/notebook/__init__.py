"""Her notebook: the user DB and its migrations, notes, follow-ups, exports and the visit sheet.

Owns everything personal. ``userdb`` and ``schema`` are internal; callers outside this
package use :class:`breastedu.core.notebook.service.Notebook` and the DTOs in ``dto``.
"""
