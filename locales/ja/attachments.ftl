# ja — 添付ファイルとアップロード

attach-none-yet = まだファイルは添付されていません。
attach-choose = ファイルの選択
attach-button = 添付
attach-remove = 削除
attach-done = ファイルを添付しました。下の一覧を確認してください。
attach-removed = ファイルを削除しました。
attach-usage = この申請：{ $count } / { $max } ファイル、{ $size } / { $limit }。
attach-rules-photo = { $size }以下のJPEG画像（.jpg又は.jpeg）で、縦長、縦横比4:3（例：横300×縦400ピクセル。{ $tolerance }%までの差は受け付けます。）のものを添付してください。
attach-rules-pdf = PDFファイルのみ、ここには{ $max }件まで添付できます。セキュリティ設定（パスワード、印刷やコピーの制限）のあるPDF及びISO 32000-1に準拠していないPDFは添付できません。
attach-details-title = 顔写真及び添付ファイル
attach-details-hint = ファイルはパソコンに保存してから開いてください。

attach-err-empty = 「{ $file }」は空のファイルです。もう一度ファイルを選択してください。
attach-err-not-pdf = 「{ $file }」はPDFファイルではありません。{ $field }にはPDFファイルのみ添付できます。
attach-err-jpeg-not-pdf = 「{ $file }」はJPEG画像であり、PDFファイルではありません。{ $field }にはPDFファイルのみ添付できます。PDFとして保存し直してから添付してください。
attach-err-not-jpeg = 「{ $file }」はJPEG画像ではありません。{ $field }にはJPEG画像（.jpg又は.jpeg）のみ添付できます。
attach-err-pdf-not-jpeg = 「{ $file }」はPDFファイルであり、JPEG画像ではありません。{ $field }にはJPEG画像（.jpg又は.jpeg）のみ添付できます。
attach-err-not-pdf-or-jpeg = 「{ $file }」はPDFファイルでもJPEG画像でもありません。{ $field }にはこれらのみ添付できます。
attach-err-photo-too-large = 「{ $file }」は5MBを超えています。小さいサイズで保存し直してから添付してください。
attach-err-over-total = 「{ $file }」は添付されませんでした。1件の申請に添付できるファイルは合計25MBまでです。ファイルを削除するか、より小さいファイルを添付してください。
attach-err-pdf-encrypted = 「{ $file }」にはセキュリティ設定（パスワード、印刷やコピーの制限）があります。セキュリティ設定を解除して保存し直してから添付してください。
attach-err-pdf-invalid = 「{ $file }」はISO 32000-1（PDF 1.0～1.7）に準拠したPDFとして読み取れませんでした。破損しているか不完全な可能性があります。PDFとして保存し直してから添付してください。
attach-err-jpeg-invalid = 「{ $file }」はJPEG画像として読み取れませんでした。破損しているか不完全な可能性があります。
attach-err-photo-pixels = 「{ $file }」は顔写真としては画素数が多すぎます。小さいサイズで保存し直してから添付してください。
attach-err-photo-aspect = 「{ $file }」は横{ $width }×縦{ $height }ピクセルです。顔写真は縦長で、縦横比4:3（例：横300×縦400ピクセル）のものを添付してください。
attach-err-slot-full = 「{ $file }」は添付されませんでした。{ $field }には{ $max }件まで添付できます。先にファイルを削除してください。
attach-err-too-many = 「{ $file }」は添付されませんでした。1件の申請に添付できるファイルは、顔写真を含めて20件までです。
attach-err-request-too-large = 一度に送信したファイルが大きすぎる（25MBを超える）ため、いずれも添付されませんでした。数件ずつ添付してください。
attach-err-none-chosen = { $field }のファイルを選択してから「添付」を押してください。
attach-err-not-yours = { $field }に、この申請のためにあなたがアップロードしたものではないファイルが含まれていたため、一覧から外しました。ご自身のファイルを添付し直してください。
attach-err-over-limits = この申請のファイルが20件又は合計25MBを超えています。収まるまでファイルを削除してください。
