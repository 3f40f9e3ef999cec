# en — attachments and uploads
