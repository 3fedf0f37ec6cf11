"""Export: the reviewed .docx with Word comments, reports, shared uploads. No Qt.

- `docx_comments.export_reviewed_docx` - the reviewed copy (comments, optional
  tracked rewrites via `tracked_changes`)
- `reports.write_report` - JSON, Markdown, HTML or CSV by extension
- `s3_upload.upload_exports` - optional upload to the team's bucket

Modules are imported on use: python-docx and boto3 load only when needed.
"""
