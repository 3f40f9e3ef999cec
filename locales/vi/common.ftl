# Shell of every page (SPEC §2), buttons, validation messages and error pages.
# Khung chung của mọi trang (SPEC §2), nút, thông báo kiểm tra dữ liệu nhập và trang lỗi. Tiếng Việt.

portal-name = Hệ thống nộp hồ sơ lưu trú trực tuyến và Hệ thống khai báo điện tử
skip-to-content = Chuyển đến nội dung chính
nav-label = Menu chính
nav-procedure-search = Tìm kiếm thủ tục
nav-application-status = Xác nhận tình trạng hồ sơ
nav-signed-in-as = Đang đăng nhập:
nav-mypage = Trang của tôi
nav-logout = Đăng xuất
nav-login = Đăng nhập
nav-language = Ngôn ngữ
nav-language-change = Đổi
nav-last-login = Lần đăng nhập trước
footer-inquiry = Liên hệ
footer-procedure-inquiry = Nếu có thắc mắc về thủ tục, vui lòng gọi điện đến Cục Quản lý Xuất nhập cảnh và Lưu trú khu vực gần nhất.
footer-helpdesk = Thắc mắc về thao tác hệ thống: Bộ phận hỗ trợ hệ thống (Help Desk)
footer-helpdesk-hours = Thời gian tiếp nhận: ngày thường 9:00–17:00 (trừ dịp nghỉ cuối năm và đầu năm mới).
footer-change-scheme = Đổi phối màu
footer-to-top = Lên đầu trang
scheme-standard = Tiêu chuẩn
scheme-blue = Xanh dương
scheme-yellow = Vàng
scheme-black = Đen
dev-banner = Chế độ phát triển: email không được gửi đi mà được lưu trong hộp thư phát triển.
dev-mailbox-link = Mở hộp thư phát triển
dev-mailbox-title = Hộp thư phát triển
dev-mailbox-explain = Trang này chỉ có khi chưa cấu hình máy chủ SMTP. Trang liệt kê các email mà hệ thống lẽ ra đã gửi, mới nhất ở trên, để bạn có thể mở các liên kết trong đó.
dev-mailbox-empty = Chưa có email nào.
dev-mailbox-to = Người nhận

required = Bắt buộc
button-ok = OK
button-cancel = Hủy
button-home = Về trang đầu
button-back = Quay lại
button-agree = Đồng ý
button-register = Đăng ký
button-proceed-confirm = Đến bước xác nhận
button-return-to-input = Quay lại màn hình nhập
button-return-to-login = Quay lại màn hình đăng nhập
button-return-to-details = Quay lại chi tiết
button-back-mypage = Quay lại Trang của tôi
button-complete = Hoàn tất
button-change = Thay đổi
button-login = Đăng nhập
button-logout = Đăng xuất
button-confirm-change = Xác nhận thay đổi
confirm-lead = Bạn có muốn đăng ký với nội dung dưới đây không? (Chưa hoàn tất.)

title-error-prefix = Lỗi:
error-summary-title = Nội dung nhập có lỗi
err-required = { $field } là mục bắt buộc.
err-too-long = { $field } phải có tối đa { $bound } ký tự.
err-too-short = { $field } phải có ít nhất { $bound } ký tự.
err-format = { $field } không đúng định dạng.
err-characters = { $field } có chứa ký tự không được sử dụng.
err-password-kinds = { $field } phải có ít nhất một chữ in hoa, một chữ thường, một chữ số và một ký hiệu.
err-mismatch = { $field } không khớp.

error-not-found-title = Không tìm thấy trang
error-not-found-text = Trang bạn tìm không tồn tại. Nếu bạn tự nhập địa chỉ, vui lòng kiểm tra lại. Nếu bạn đến từ một liên kết, vui lòng quay về trang đầu.
error-csrf-title = Không thể tiếp nhận nội dung bạn gửi
error-csrf-text = Để bảo đảm an toàn, nội dung gửi đã bị từ chối vì trang đã mở quá lâu, được mở trong cửa sổ khác hoặc cookie đang bị tắt. Chưa có gì được lưu. Vui lòng mở lại trang và nhập lại.
error-too-large-title = Dữ liệu gửi quá lớn
error-too-large-text = Nội dung gửi lớn hơn mức màn hình này tiếp nhận. Chưa có gì được lưu. Vui lòng quay lại và thử lại với lượng ít hơn.
error-bad-request-title = Không thể xử lý yêu cầu
error-bad-request-text = Yêu cầu không ở dạng mà màn hình này tiếp nhận. Chưa có gì được lưu. Vui lòng mở lại trang từ menu.
error-rate-limited-title = Quá nhiều yêu cầu
error-rate-limited-text = Đã có quá nhiều yêu cầu trong thời gian ngắn. Để bảo đảm an toàn, vui lòng chờ một lúc (tối đa một giờ) rồi thử lại.
error-internal-title = Xin lỗi, đã xảy ra lỗi
error-internal-text = Hệ thống không thể xử lý yêu cầu của bạn. Nội dung bạn nhập chưa được gửi. Vui lòng thử lại sau; nếu lỗi lặp lại, hãy liên hệ Bộ phận hỗ trợ hệ thống.
link-expired-title = Liên kết này đã hết hạn
link-expired-text = Liên kết trong email chỉ dùng được trong một thời gian nhất định, và thời gian đó đã qua. Vui lòng làm lại từ đầu; một email mới sẽ được gửi.
link-used-title = Liên kết này đã được sử dụng
link-used-text = Liên kết trong email chỉ dùng được một lần và đã được sử dụng. Nếu bạn đã hoàn tất, bạn có thể đăng nhập. Nếu chưa, vui lòng làm lại từ đầu.
link-unknown-title = Liên kết này không hợp lệ
link-unknown-text = Không nhận dạng được liên kết. Có thể liên kết bị cắt mất một phần khi sao chép. Vui lòng mở trực tiếp từ email, hoặc làm lại từ đầu.
link-start-again = Làm lại từ đầu
mail-not-arriving = Nếu không nhận được email, vui lòng kiểm tra thư mục thư rác và chắc chắn rằng bạn có thể nhận email từ hệ thống này, rồi thử lại.


top-title = Trang đầu
top-general-notices = Thông báo
top-list-of-notices = Danh sách thông báo
top-search-title = Tìm thủ tục nộp hồ sơ
top-search-text = Bạn có thể tìm thủ tục nộp hồ sơ bằng từ khóa hoặc danh mục.
top-search-link = Thủ tục nộp hồ sơ trực tuyến
top-status-title = Kiểm tra tình trạng hồ sơ
top-status-text = Xác nhận tình trạng hồ sơ và xem thông tin các hồ sơ đã nộp trước đây.
top-status-link = Kiểm tra tình trạng hồ sơ
top-register-title = Đăng ký mới
top-register-text = Khi đăng ký, bạn có thể kiểm tra tình trạng hồ sơ dễ dàng hơn và không phải nhập lại thông tin hồ sơ.
top-register-link = Đăng ký mới
notices-title = Danh sách thông báo
notices-none = Hiện chưa có thông báo nào.
notices-back = Quay lại danh sách thông báo

timeout-title = Bạn sắp bị đăng xuất
timeout-body = Vì không có thao tác nào trong một thời gian, bạn sẽ tự động bị đăng xuất vào lúc:
timeout-ok-explains = Nhấn OK để duy trì đăng nhập thêm ba giờ. Nhấn Hủy để đăng xuất vào thời điểm đã hiển thị.

button-search = Tìm kiếm
button-delete = Xóa
button-return-to-list = Quay lại danh sách
answer-yes = Có
answer-no = Không
pagination-label = Trang
pagination-first = Đầu tiên
pagination-previous = Trước
pagination-next = Tiếp
pagination-last = Cuối cùng

err-not-a-choice = Vui lòng chọn { $field } trong các lựa chọn đã hiển thị.
err-invalid-date = { $field } không phải là ngày có thật.
err-future = { $field } không được là ngày trong tương lai.
err-before-date = { $field } không được trước { $limit }.
err-after-date = { $field } không được sau { $limit }.
err-too-many-rows = { $field } có tối đa { $bound } mục.
err-too-few-rows = { $field } cần ít nhất { $bound } mục.
err-too-many-files = { $field } chỉ có thể chứa tối đa { $bound } tệp.
form-yes = Có
form-no = Không
form-date-unknown = Không rõ
form-date-month-day-unknown = { $value } (không rõ tháng và ngày)
form-date-day-unknown = { $value } (không rõ ngày)
form-files = { $value ->
    [one] 1 tệp
   *[other] { $value } tệp
}
date-unknown-none = Không có phần nào không rõ
date-unknown-all = Không rõ năm, tháng và ngày
date-unknown-month-day = Không rõ tháng và ngày
date-unknown-day = Không rõ ngày
