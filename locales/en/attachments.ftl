# en — attachments and uploads

attach-none-yet = No file attached yet.
attach-choose = Select file
attach-button = Attach
attach-remove = Remove
attach-done = The file was attached. Check the list below.
attach-removed = The file was removed.
attach-usage = This application: { $count } of { $max } files, { $size } of { $limit }.
attach-rules-photo = A JPEG image (.jpg or .jpeg) of at most { $size }, portrait, height to width 4:3 (for example 300 × 400 pixels; up to { $tolerance } % off is accepted).
attach-rules-pdf = PDF files only, up to { $max } here. PDFs with security settings (a password, or limits on printing or copying) and PDFs that do not conform to ISO 32000-1 cannot be attached.
attach-details-title = Facial photo and attachments
attach-details-hint = Save each file to your computer before opening it.

attach-err-empty = “{ $file }” is empty. Choose the file again.
attach-err-not-pdf = “{ $file }” is not a PDF file. { $field } takes PDF files only.
attach-err-jpeg-not-pdf = “{ $file }” is a JPEG image, not a PDF file. { $field } takes PDF files only; save the document as PDF and attach it again.
attach-err-not-jpeg = “{ $file }” is not a JPEG image. { $field } takes a JPEG image (.jpg or .jpeg) only.
attach-err-pdf-not-jpeg = “{ $file }” is a PDF file, not a JPEG image. { $field } takes a JPEG image (.jpg or .jpeg) only.
attach-err-not-pdf-or-jpeg = “{ $file }” is neither a PDF file nor a JPEG image. { $field } takes only those.
attach-err-photo-too-large = “{ $file }” is larger than 5 MB. Save the photo at a smaller size and attach it again.
attach-err-over-total = “{ $file }” was not attached: the files of one application may total at most 25 MB. Remove a file or attach a smaller one.
attach-err-pdf-encrypted = “{ $file }” has security settings (a password, or limits on printing or copying). Save it again without security settings and attach it again.
attach-err-pdf-invalid = “{ $file }” could not be read as a PDF conforming to ISO 32000-1 (PDF 1.0 to 1.7). It may be damaged or incomplete; save it again as PDF and attach it again.
attach-err-jpeg-invalid = “{ $file }” could not be read as a JPEG image. It may be damaged or incomplete.
attach-err-photo-pixels = “{ $file }” has too many pixels for a facial photo. Save it at a smaller size and attach it again.
attach-err-photo-aspect = “{ $file }” is { $width } × { $height } pixels. The facial photo must be portrait with height to width 4:3 (for example 300 × 400 pixels).
attach-err-slot-full = “{ $file }” was not attached: { $field } holds at most { $max } files. Remove one first.
attach-err-too-many = “{ $file }” was not attached: one application may have at most 20 files, the facial photo included.
attach-err-request-too-large = The files sent at once were too large (more than 25 MB), so none of them was attached. Attach them a few at a time.
attach-err-none-chosen = Select a file for { $field }, then press Attach.
attach-err-not-yours = A file listed under { $field } is not one of your uploads for this application, so it was taken off the list. Attach your own file again.
attach-err-over-limits = The files of this application exceed 20 files or 25 MB in total. Remove files until they fit.
