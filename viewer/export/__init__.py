"""PDF export of events: data gathering (data.py), page layout (layout.py), painting (pdf.py), CLI (command.py)."""
