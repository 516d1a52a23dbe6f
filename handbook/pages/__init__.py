"""The pages: each page's template context, the checker forms, download links, and the generated pages."""
