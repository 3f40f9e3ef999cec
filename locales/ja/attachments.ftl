# ja — attachments and uploads
