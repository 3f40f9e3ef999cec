# zh-Hant — attachments and uploads
# 附件及上傳。繁體中文。

attach-none-yet = 尚未附加檔案。
attach-choose = 選擇檔案
attach-button = 附加
attach-remove = 刪除
attach-done = 檔案已附加。請確認下方的一覽。
attach-removed = 檔案已刪除。
attach-usage = 本申請：{ $count } / { $max } 個檔案，{ $size } / { $limit }。
attach-rules-photo = 請附加{ $size }以下的JPEG圖片（.jpg或.jpeg），須為直式，高寬比4:3（例如：寬300×高400像素；誤差在{ $tolerance }%以內可受理）。
attach-rules-pdf = 僅限PDF檔案，此處最多可附加{ $max }個。設有安全性設定（密碼，或限制列印、複製）的PDF，以及不符合ISO 32000-1的PDF無法附加。
attach-details-title = 臉部照片及附件
attach-details-hint = 請先將檔案儲存到電腦後再開啟。

attach-err-empty = 「{ $file }」是空白檔案。請重新選擇檔案。
attach-err-not-pdf = 「{ $file }」不是PDF檔案。{ $field }僅可附加PDF檔案。
attach-err-jpeg-not-pdf = 「{ $file }」是JPEG圖片，不是PDF檔案。{ $field }僅可附加PDF檔案。請將文件另存為PDF後重新附加。
attach-err-not-jpeg = 「{ $file }」不是JPEG圖片。{ $field }僅可附加JPEG圖片（.jpg或.jpeg）。
attach-err-pdf-not-jpeg = 「{ $file }」是PDF檔案，不是JPEG圖片。{ $field }僅可附加JPEG圖片（.jpg或.jpeg）。
attach-err-not-pdf-or-jpeg = 「{ $file }」既不是PDF檔案，也不是JPEG圖片。{ $field }僅可附加這兩種檔案。
attach-err-photo-too-large = 「{ $file }」超過5 MB。請將照片以較小的尺寸重新儲存後再附加。
attach-err-over-total = 「{ $file }」未被附加：每件申請的附件合計最多25 MB。請刪除檔案，或附加較小的檔案。
attach-err-pdf-encrypted = 「{ $file }」設有安全性設定（密碼，或限制列印、複製）。請解除安全性設定並重新儲存後再附加。
attach-err-pdf-invalid = 「{ $file }」無法作為符合ISO 32000-1（PDF 1.0～1.7）的PDF讀取。檔案可能已損壞或不完整。請重新另存為PDF後再附加。
attach-err-jpeg-invalid = 「{ $file }」無法作為JPEG圖片讀取。檔案可能已損壞或不完整。
attach-err-photo-pixels = 「{ $file }」作為臉部照片像素過多。請以較小的尺寸重新儲存後再附加。
attach-err-photo-aspect = 「{ $file }」為寬{ $width }×高{ $height }像素。臉部照片須為直式，高寬比4:3（例如：寬300×高400像素）。
attach-err-slot-full = 「{ $file }」未被附加：{ $field }最多可附加{ $max }個檔案。請先刪除檔案。
attach-err-too-many = 「{ $file }」未被附加：每件申請最多可附加20個檔案（包括臉部照片）。
attach-err-request-too-large = 一次傳送的檔案過大（超過25 MB），因此均未被附加。請分幾次附加。
attach-err-none-chosen = 請選擇{ $field }的檔案，然後按「附加」。
attach-err-not-yours = { $field }中包含並非您為本申請上傳的檔案，因此已將其從一覽中移除。請重新附加您自己的檔案。
attach-err-over-limits = 本申請的檔案超過20個或合計超過25 MB。請刪除檔案，直到符合限制為止。
