"""Pure rendering: graph HTML, colours, interface strings, highlighted text, tours and exports.

Nothing in this package calls ``st.*``; the Streamlit pages in ``app_pages/``
lay out what these functions return.
"""
