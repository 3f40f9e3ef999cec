# Emails (SPEC §14). Subjects are prefixed with the portal's name by the code; every body is followed
# by the portal's name and mail-footer. No email ever contains a password.
# Keep every URL on its own line or between one-byte spaces: the HTML version turns it into a link.
# Email (tiếng Việt). Không email nào chứa mật khẩu.

mail-footer = Email này được gửi tự động. Thư trả lời đến địa chỉ này sẽ không được đọc. Nếu bạn không yêu cầu email này, bạn có thể bỏ qua.

mail-registration-link-subject = Tiếp tục đăng ký người dùng
mail-registration-link-body =
    Cảm ơn bạn đã bắt đầu đăng ký người dùng.

    Hãy mở liên kết dưới đây để nhập thông tin người dùng. Liên kết chỉ dùng được một lần và trong { $hours } giờ; sau thời gian đó, vui lòng làm lại từ "Đăng ký mới".

    { $url }

mail-user-id-issued-subject = ID người dùng của bạn đã được cấp
mail-user-id-issued-body =
    Kính gửi { $name },

    Việc đăng ký người dùng của bạn đã hoàn tất. ID người dùng của bạn là:

    { $login_id }

    Hãy giữ ID người dùng này: bạn cần nó cùng với mật khẩu để đăng nhập.
    Hồ sơ của bạn vẫn chưa được nộp xong. Để nộp hồ sơ, hãy đăng nhập bằng ID người dùng này:

    { $login_url }

mail-user-id-reminder-subject = ID người dùng của bạn
mail-user-id-reminder-body =
    Bạn đã yêu cầu ID người dùng được đăng ký với địa chỉ email và họ tên này.

    { $count ->
        [one] ID người dùng:
       *[other] Các ID người dùng:
    }
    { $login_ids }

    Đăng nhập tại đây: { $login_url }

mail-user-id-reminder-no-match-subject = Về yêu cầu ID người dùng của bạn
mail-user-id-reminder-no-match-body =
    Có người đã yêu cầu ID người dùng được đăng ký với địa chỉ email này, nhưng không có tài khoản nào khớp với cả địa chỉ này và họ tên đã nhập.

    Hãy kiểm tra cách viết họ tên (chữ in hoa, như khi đăng ký) rồi thử lại, hoặc đăng ký làm người dùng mới:

    { $start_url }

mail-password-reset-link-subject = Đặt mật khẩu mới
mail-password-reset-link-body =
    Bạn đã yêu cầu đặt mật khẩu mới.

    Hãy mở liên kết dưới đây để chọn mật khẩu. Liên kết chỉ dùng được một lần và trong { $hours } giờ. Việc đặt mật khẩu mới cũng sẽ mở khóa tài khoản nếu tài khoản đang bị khóa.

    { $url }

mail-password-reset-no-match-subject = Về yêu cầu đặt lại mật khẩu của bạn
mail-password-reset-no-match-body =
    Có người đã yêu cầu đặt lại mật khẩu với địa chỉ email này, nhưng không có tài khoản nào khớp với cả địa chỉ này và ID người dùng đã nhập.

    Hãy kiểm tra ID người dùng rồi thử lại. Nếu bạn quên ID người dùng, bạn có thể nhận ID gửi đến địa chỉ đã đăng ký tại đây:

    { $start_url }

mail-password-changed-subject = Mật khẩu của bạn đã được thay đổi
mail-password-changed-body =
    Mật khẩu của ID người dùng { $login_id } đã được thay đổi.

    Nếu không phải bạn thay đổi, hãy đặt mật khẩu mới ngay bằng "Nhấn vào đây nếu bạn quên mật khẩu" trên trang đăng nhập, và liên hệ Bộ phận hỗ trợ hệ thống.

mail-email-change-link-subject = Xác nhận địa chỉ email mới
mail-email-change-link-body =
    Bạn đã yêu cầu sử dụng địa chỉ này cho tài khoản của mình.

    Hãy mở liên kết dưới đây để hoàn tất việc thay đổi. Liên kết chỉ dùng được một lần và trong { $hours } giờ. Cho đến khi bạn mở liên kết, địa chỉ cũ vẫn được sử dụng.

    { $url }

mail-email-changed-subject = Địa chỉ email của bạn đã được thay đổi
mail-email-changed-body =
    Địa chỉ email của ID người dùng { $login_id } đã được đổi thành { $new_email }.
    Từ nay, email sẽ được gửi đến địa chỉ mới.

    Nếu không phải bạn thực hiện thay đổi này, hãy liên hệ Bộ phận hỗ trợ hệ thống ngay.

mail-user-info-changed-subject = Thông tin người dùng của bạn đã được thay đổi
mail-user-info-changed-body =
    Thông tin người dùng của ID người dùng { $login_id } đã được thay đổi.

    Nếu không phải bạn thực hiện thay đổi này, hãy liên hệ Bộ phận hỗ trợ hệ thống ngay.

mail-application-received-subject = Hồ sơ của bạn đã được tiếp nhận
mail-application-received-body =
    Hồ sơ "{ $procedure }" của bạn đã được tiếp nhận.

    Số tham chiếu: { $reference }

    Sau khi đăng nhập, bạn có thể theo dõi tình trạng tại "Xác nhận tình trạng hồ sơ":

    { $status_url }

mail-request-for-use-approved-subject = Đăng ký sử dụng của bạn đã hoàn tất
mail-request-for-use-approved-body =
    "{ $procedure }" của bạn (số tham chiếu { $reference }) đã hoàn tất.
    Từ bây giờ bạn có thể sử dụng các thủ tục của hệ thống này.

mail-draft-expiring-subject = Nội dung bạn đã lưu sẽ bị xóa sau 7 ngày
mail-draft-expiring-body =
    Nội dung bạn đã lưu cho "{ $procedure }" sẽ bị xóa vào { $expires } nếu bạn không tiếp tục.

    Để tiếp tục, hãy đăng nhập và mở Trang của tôi → Nội dung đã lưu:

    { $url }

# What officers do to a filing (SPEC §8.4, §9.2, §14).
mail-filing-accepted-subject = Hồ sơ của bạn đã được cơ quan quản lý xuất nhập cảnh tiếp nhận
mail-filing-accepted-body =
    Hồ sơ "{ $procedure }" của bạn (số tham chiếu { $reference }) đã được tiếp nhận.

    Số tiếp nhận: { $number }

    Bạn có thể theo dõi tình trạng sau khi đăng nhập:

    { $url }
mail-notification-receipt-subject = Số tiếp nhận khai báo
mail-notification-receipt-body =
    Khai báo "{ $procedure }" của bạn (số tham chiếu { $reference }) đã được tiếp nhận.

    Số tiếp nhận khai báo: { $number }

    Bạn sẽ nhận một email khác khi việc đăng ký hoàn tất. Bạn có thể theo dõi tình trạng sau khi đăng nhập:

    { $url }
mail-review-started-subject = Hồ sơ của bạn đã bắt đầu được thẩm tra
mail-review-started-body =
    Việc thẩm tra hồ sơ "{ $procedure }" của bạn (số tiếp nhận { $number }) đã bắt đầu.

    { $url }
mail-revision-requested-subject = Vui lòng sửa hồ sơ hoặc gửi thêm tài liệu
mail-revision-requested-body =
    Cơ quan quản lý xuất nhập cảnh đề nghị bạn sửa hồ sơ "{ $procedure }" (số tham chiếu { $reference }) hoặc gửi thêm tài liệu:

    { $message }

    Hãy đăng nhập, mở hồ sơ tại "Xác nhận tình trạng hồ sơ" và chọn Sửa:

    { $url }
mail-notification-error-subject = Không thể đăng ký khai báo của bạn
mail-notification-error-body =
    Khai báo "{ $procedure }" của bạn (số tiếp nhận khai báo { $number }) không thể được đăng ký vì lý do sau:

    { $message }

    Hãy đăng nhập, mở khai báo tại "Xác nhận tình trạng hồ sơ", sửa lại và gửi lại:

    { $url }
mail-notification-registered-subject = Khai báo của bạn đã được đăng ký
mail-notification-registered-body =
    Việc đăng ký khai báo "{ $procedure }" của bạn (số tiếp nhận khai báo { $number }) đã hoàn tất.

    { $url }
mail-awaiting-issuance-subject = Hồ sơ của bạn đã được cấp phép
mail-awaiting-issuance-body =
    Hồ sơ "{ $procedure }" của bạn (số tiếp nhận { $number }) đã được cấp phép. Vui lòng nhận thẻ lưu trú hoặc giấy chứng nhận theo hướng dẫn.

    { $url }
mail-not-permitted-subject = Kết quả hồ sơ của bạn
mail-not-permitted-body =
    Việc thẩm tra hồ sơ "{ $procedure }" của bạn (số tiếp nhận { $number }) đã hoàn tất: hồ sơ không được cấp phép.

    { $message }

    { $url }
mail-filing-completed-subject = Hồ sơ của bạn đã được xử lý xong
mail-filing-completed-body =
    Hồ sơ "{ $procedure }" của bạn (số tiếp nhận { $number }) đã được xử lý xong.

    { $url }
mail-request-for-use-refused-subject = Đăng ký sử dụng của bạn không được chấp thuận
mail-request-for-use-refused-body =
    "{ $procedure }" của bạn (số tham chiếu { $reference }) không được chấp thuận.

    { $message }

    { $url }
mail-resubmitted-subject = Hồ sơ đã sửa của bạn đã được gửi
mail-resubmitted-body =
    Hồ sơ đã sửa "{ $procedure }" của bạn (số tham chiếu { $reference }) đã được gửi đến cơ quan quản lý xuất nhập cảnh.

    { $url }
