# Attachments and uploads
# 附件及上传。简体中文。

attach-none-yet = 尚未附加文件。
attach-choose = 选择文件
attach-button = 附加
attach-remove = 删除
attach-done = 文件已附加。请确认下方的一览。
attach-removed = 文件已删除。
attach-usage = 本申请：{ $count } / { $max } 个文件，{ $size } / { $limit }。
attach-rules-photo = 请附加{ $size }以下的JPEG图像（.jpg或.jpeg），须为竖向，高宽比为4:3（例如：宽300×高400像素；误差在{ $tolerance }%以内可受理）。
attach-rules-pdf = 仅限PDF文件，此处最多可附加{ $max }个。设有安全设置（密码、打印或复制限制）的PDF，以及不符合ISO 32000-1的PDF无法附加。
attach-details-title = 面部照片及附件
attach-details-hint = 请先将文件保存到电脑后再打开。

attach-err-empty = “{ $file }”是空文件。请重新选择文件。
attach-err-not-pdf = “{ $file }”不是PDF文件。{ $field }仅可附加PDF文件。
attach-err-jpeg-not-pdf = “{ $file }”是JPEG图像，不是PDF文件。{ $field }仅可附加PDF文件。请将文件另存为PDF后重新附加。
attach-err-not-jpeg = “{ $file }”不是JPEG图像。{ $field }仅可附加JPEG图像（.jpg或.jpeg）。
attach-err-pdf-not-jpeg = “{ $file }”是PDF文件，不是JPEG图像。{ $field }仅可附加JPEG图像（.jpg或.jpeg）。
attach-err-not-pdf-or-jpeg = “{ $file }”既不是PDF文件也不是JPEG图像。{ $field }仅可附加这两种文件。
attach-err-photo-too-large = “{ $file }”超过了5 MB。请将照片以较小的尺寸重新保存后再附加。
attach-err-over-total = “{ $file }”未被附加：1件申请可附加的文件合计最多为25 MB。请删除文件，或附加较小的文件。
attach-err-pdf-encrypted = “{ $file }”设有安全设置（密码、打印或复制限制）。请解除安全设置并重新保存后再附加。
attach-err-pdf-invalid = 无法将“{ $file }”作为符合ISO 32000-1（PDF 1.0～1.7）的PDF读取。文件可能已损坏或不完整。请重新另存为PDF后再附加。
attach-err-jpeg-invalid = 无法将“{ $file }”作为JPEG图像读取。文件可能已损坏或不完整。
attach-err-photo-pixels = “{ $file }”作为面部照片像素过多。请以较小的尺寸重新保存后再附加。
attach-err-photo-aspect = “{ $file }”为宽{ $width }×高{ $height }像素。面部照片须为竖向，高宽比为4:3（例如：宽300×高400像素）。
attach-err-slot-full = “{ $file }”未被附加：{ $field }最多可附加{ $max }个文件。请先删除文件。
attach-err-too-many = “{ $file }”未被附加：1件申请最多可附加20个文件（包括面部照片）。
attach-err-request-too-large = 一次发送的文件过大（超过25 MB），因此均未被附加。请分几次附加。
attach-err-none-chosen = 请先选择{ $field }的文件，然后按“附加”。
attach-err-not-yours = { $field }中有一个文件不是您为本申请上传的文件，因此已从一览中移除。请重新附加您自己的文件。
attach-err-over-limits = 本申请的文件超过了20个或合计25 MB。请删除文件，直至符合限制。
