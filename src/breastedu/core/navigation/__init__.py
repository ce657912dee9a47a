"""Navigation, Qt-free: which page a link opens, Back/Forward with scroll positions, and the
identity of the page on screen. The desktop window and the kiosk are two shells over it."""
