"""What the reader shows: Markdown to sanitized HTML, the HTML of each page, and navigation
(which target a link opens, Back/Forward history). Pure functions over content DTOs."""
