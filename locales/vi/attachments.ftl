# Tệp đính kèm và tải tệp lên. Tiếng Việt.

attach-none-yet = Chưa có tệp nào được đính kèm.
attach-choose = Chọn tệp
attach-button = Đính kèm
attach-remove = Xóa
attach-done = Tệp đã được đính kèm. Hãy kiểm tra danh sách bên dưới.
attach-removed = Tệp đã được xóa.
attach-usage = Hồ sơ này: { $count } / { $max } tệp, { $size } / { $limit }.
attach-rules-photo = Ảnh JPEG (.jpg hoặc .jpeg) tối đa { $size }, khổ dọc, tỷ lệ cao : rộng là 4:3 (ví dụ 300 × 400 điểm ảnh; chấp nhận sai lệch đến { $tolerance } %).
attach-rules-pdf = Chỉ nhận tệp PDF, tối đa { $max } tệp tại đây. Không thể đính kèm tệp PDF có cài đặt bảo mật (mật khẩu, hoặc hạn chế in hay sao chép) và tệp PDF không tuân theo ISO 32000-1.
attach-details-title = Ảnh chân dung và tệp đính kèm
attach-details-hint = Hãy lưu từng tệp vào máy tính trước khi mở.

attach-err-empty = “{ $file }” là tệp rỗng. Hãy chọn lại tệp.
attach-err-not-pdf = “{ $file }” không phải là tệp PDF. { $field } chỉ nhận tệp PDF.
attach-err-jpeg-not-pdf = “{ $file }” là ảnh JPEG, không phải tệp PDF. { $field } chỉ nhận tệp PDF; hãy lưu tài liệu dưới dạng PDF rồi đính kèm lại.
attach-err-not-jpeg = “{ $file }” không phải là ảnh JPEG. { $field } chỉ nhận ảnh JPEG (.jpg hoặc .jpeg).
attach-err-pdf-not-jpeg = “{ $file }” là tệp PDF, không phải ảnh JPEG. { $field } chỉ nhận ảnh JPEG (.jpg hoặc .jpeg).
attach-err-not-pdf-or-jpeg = “{ $file }” không phải tệp PDF cũng không phải ảnh JPEG. { $field } chỉ nhận hai loại này.
attach-err-photo-too-large = “{ $file }” lớn hơn 5 MB. Hãy lưu ảnh với kích thước nhỏ hơn rồi đính kèm lại.
attach-err-over-total = “{ $file }” chưa được đính kèm: tổng dung lượng các tệp của một hồ sơ tối đa là 25 MB. Hãy xóa bớt một tệp hoặc đính kèm tệp nhỏ hơn.
attach-err-pdf-encrypted = “{ $file }” có cài đặt bảo mật (mật khẩu, hoặc hạn chế in hay sao chép). Hãy lưu lại tệp mà không có cài đặt bảo mật rồi đính kèm lại.
attach-err-pdf-invalid = Không thể đọc “{ $file }” như một tệp PDF tuân theo ISO 32000-1 (PDF 1.0 đến 1.7). Tệp có thể bị hỏng hoặc không đầy đủ; hãy lưu lại dưới dạng PDF rồi đính kèm lại.
attach-err-jpeg-invalid = Không thể đọc “{ $file }” như một ảnh JPEG. Tệp có thể bị hỏng hoặc không đầy đủ.
attach-err-photo-pixels = “{ $file }” có quá nhiều điểm ảnh đối với ảnh chân dung. Hãy lưu với kích thước nhỏ hơn rồi đính kèm lại.
attach-err-photo-aspect = “{ $file }” có kích thước { $width } × { $height } điểm ảnh. Ảnh chân dung phải là khổ dọc với tỷ lệ cao : rộng là 4:3 (ví dụ 300 × 400 điểm ảnh).
attach-err-slot-full = “{ $file }” chưa được đính kèm: { $field } chỉ chứa tối đa { $max } tệp. Hãy xóa bớt một tệp trước.
attach-err-too-many = “{ $file }” chưa được đính kèm: một hồ sơ có tối đa 20 tệp, kể cả ảnh chân dung.
attach-err-request-too-large = Các tệp gửi cùng lúc quá lớn (hơn 25 MB), nên không tệp nào được đính kèm. Hãy đính kèm từng ít tệp một.
attach-err-none-chosen = Hãy chọn tệp cho { $field }, rồi nhấn Đính kèm.
attach-err-not-yours = Một tệp trong { $field } không phải là tệp bạn đã tải lên cho hồ sơ này, nên đã bị loại khỏi danh sách. Hãy đính kèm lại tệp của chính bạn.
attach-err-over-limits = Các tệp của hồ sơ này vượt quá 20 tệp hoặc tổng cộng 25 MB. Hãy xóa bớt tệp cho đến khi đủ điều kiện.
