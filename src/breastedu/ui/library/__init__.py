"""Reading the library: the topic tree, the reader pane, a topic's lazy question list. Panes here
never import each other; a shell (desktop or kiosk) connects them."""
