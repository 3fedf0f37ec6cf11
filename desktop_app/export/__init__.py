"""Export: the reviewed .docx with Word comments, reports, shared uploads. No Qt.

- `docx_comments.export_reviewed_docx` - the reviewed copy (comments, optional
  tracked rewrites via `tracked_changes`), made on the zip directly:
  `source_package` reads and checks only the parts export changes (as opening
  reads parts), `package_writer` streams every other part into the copy
  (`zip_parts`) and keeps its relationships consistent (`opc`); Strict
  documents stay Strict (`namespaces`)
- `source_package.export_problem` - whether a copy can be made, asked at open
- `reports.write_report` - JSON, Markdown, HTML or CSV by extension
- `s3_upload.upload_exports` - optional upload to the team's bucket

Modules are imported on use: boto3 loads only when needed. python-docx is not
used here (the tests read copies back with it, as an independent reader).
"""
