"""Her notebook: notes, follow-ups (form, model, pane), "My data" (export, import, erase) and the
handout pack. Every write goes through core and is announced on the ``user_data_changed`` hub."""
