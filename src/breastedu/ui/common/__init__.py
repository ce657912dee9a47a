"""The ground floor of the UI: theme and palette mapping, icons, window fitting, the task
runner, small shared widgets and the one ``user_data_changed`` hub. Imports nothing else of
``breastedu.ui``; every other folder may import it."""
