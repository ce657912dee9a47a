"""Printing: the sheet painter (QPrinter/QTextDocument, pagination, PDF), the print and preview
actions, and the sheet options dialog. Core composes the sheet HTML; this folder only paints it."""
