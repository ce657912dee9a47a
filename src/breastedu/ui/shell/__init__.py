"""The desktop shell, the top floor: the QApplication and start frame (launch, qt_app), the window
builder (app), the main window that composes the panes, its shortcuts and the self-test."""
