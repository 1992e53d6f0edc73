"""The timeline: events by lane over a zoomable time axis, its overview strip, and the painting the PDF export shares."""
