"""The search pane: the box, debounced queries on the runner, the results model and its delegate."""
