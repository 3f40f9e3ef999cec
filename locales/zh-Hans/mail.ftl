# Emails (SPEC §14). Subjects are prefixed with the portal's name by the code; every body is followed
# by the portal's name and mail-footer. No email ever contains a password.
# Keep every URL on its own line or between one-byte spaces: the HTML version turns it into a link.
# 邮件（简体中文）。邮件中绝不记载密码。

mail-footer = 本邮件由仅用于发送的地址自动发送。回复本邮件将无法得到答复。如果您未曾申请，请删除本邮件。

mail-registration-link-subject = 用户注册手续的说明
mail-registration-link-body =
    感谢您开始办理用户注册手续。

    请打开以下链接，输入用户信息。此链接仅可使用1次，并仅在{ $hours }小时内有效。超过有效期后，请从“新用户注册”重新办理。

    { $url }

mail-user-id-issued-subject = 用户ID发放通知
mail-user-id-issued-body =
    { $name }：

    用户注册已完成。您的用户ID如下：

    { $login_id }

    登录时需要此用户ID及密码，请妥善保管。
    申请尚未完成。如需申请，请通过以下网址使用此用户ID登录：

    { $login_url }

mail-user-id-reminder-subject = 用户ID通知
mail-user-id-reminder-body =
    我们已受理您关于通知以此电子邮件地址及姓名注册的用户ID的请求。

    { $count ->
        [one] 用户ID：
       *[other] 用户ID：
    }
    { $login_ids }

    请通过以下网址登录：
    { $login_url }

mail-user-id-reminder-no-match-subject = 关于您的用户ID通知请求
mail-user-id-reminder-no-match-body =
    有人请求通知以此电子邮件地址注册的用户ID，但未找到与此电子邮件地址及所输入姓名均一致的用户。

    请确认姓名的拼写（与注册时相同的英文大写字母）后重试，或通过以下页面进行新用户注册：

    { $start_url }

mail-password-reset-link-subject = 重设密码的说明
mail-password-reset-link-body =
    我们已受理您的重设密码请求。

    请打开以下链接，设置新密码。此链接仅可使用1次，并仅在{ $hours }小时内有效。如果账户已被锁定，设置新密码后也将解除锁定。

    { $url }

mail-password-reset-no-match-subject = 关于您的重设密码请求
mail-password-reset-no-match-body =
    有人使用此电子邮件地址请求重设密码，但未找到与此电子邮件地址及所输入用户ID均一致的用户。

    请确认用户ID后重试。如果您忘记了用户ID，可以通过以下页面将用户ID发送到注册的电子邮件地址：

    { $start_url }

mail-password-changed-subject = 密码更改通知
mail-password-changed-body =
    用户ID { $login_id } 的密码已更改。

    如果并非您本人所为，请立即通过登录页面的“忘记密码的用户请点击此处”设置新密码，并联系系统服务台。

mail-email-change-link-subject = 确认新的电子邮件地址
mail-email-change-link-body =
    我们已受理您将此地址用作账户电子邮件地址的请求。

    请打开以下链接，完成更改。此链接仅可使用1次，并仅在{ $hours }小时内有效。在打开链接之前，将继续使用原电子邮件地址。

    { $url }

mail-email-changed-subject = 电子邮件地址更改通知
mail-email-changed-body =
    用户ID { $login_id } 的电子邮件地址已更改为 { $new_email } 。
    今后的邮件将发送至更改后的地址。

    如果并非您本人所为，请立即联系系统服务台。

mail-user-info-changed-subject = 用户信息更改通知
mail-user-info-changed-body =
    用户ID { $login_id } 的用户信息已更改。

    如果并非您本人所为，请立即联系系统服务台。

mail-application-received-subject = 已受理您的申请
mail-application-received-body =
    已受理您的申请“{ $procedure }”。

    整理编号：{ $reference }

    登录后，可在“申请状况确认”中确认处理状况：

    { $status_url }

mail-request-for-use-approved-subject = 您的使用申请已完成
mail-request-for-use-approved-body =
    您的“{ $procedure }”（整理编号 { $reference }）已完成。
    现在可以使用本系统的手续。

mail-draft-expiring-subject = 您保存的输入内容将在7天后删除
mail-draft-expiring-body =
    您为“{ $procedure }”保存的输入内容将于{ $expires }删除。如需继续输入，请在此之前重新开始办理手续。

    登录后，可在我的页面的“输入中的手续”中继续办理：

    { $url }

# What officers do to a filing (SPEC §8.4, §9.2, §14).
mail-filing-accepted-subject = 您的申请已被出入国在留管理官署受理
mail-filing-accepted-body =
    您的申请“{ $procedure }”（整理编号 { $reference }）已被受理。

    受理编号：{ $number }

    登录后可以确认处理状况：

    { $url }
mail-notification-receipt-subject = 申报受理编号通知
mail-notification-receipt-body =
    您的申报“{ $procedure }”（整理编号 { $reference }）已被受理。

    申报受理编号：{ $number }

    登记完成后，将再次通过邮件通知您。登录后可以确认处理状况：

    { $url }
mail-review-started-subject = 已开始审查您的申请
mail-review-started-body =
    已开始审查您的申请“{ $procedure }”（受理编号 { $number }）。

    { $url }
mail-revision-requested-subject = 请修改申请内容或提交补充材料
mail-revision-requested-body =
    关于您的申请“{ $procedure }”（整理编号 { $reference }），出入国在留管理官署请您进行以下修改或提交补充材料：

    { $message }

    请登录后，在“申请状况确认”中打开该申请，并选择“修改”：

    { $url }
mail-notification-error-subject = 您的申报未能登记
mail-notification-error-body =
    您的申报“{ $procedure }”（申报受理编号 { $number }）由于以下原因未能登记：

    { $message }

    请登录后，在“申请状况确认”中打开该申报，修改后重新申报：

    { $url }
mail-notification-registered-subject = 您的申报已登记完成
mail-notification-registered-body =
    您的申报“{ $procedure }”（申报受理编号 { $number }）已登记完成。

    { $url }
mail-awaiting-issuance-subject = 您的申请已获许可
mail-awaiting-issuance-body =
    您的申请“{ $procedure }”（受理编号 { $number }）已获许可。请按照指示领取在留卡或证明书。

    { $url }
mail-not-permitted-subject = 关于您的申请结果
mail-not-permitted-body =
    您的申请“{ $procedure }”（受理编号 { $number }）的审查已结束，结果为不许可。

    { $message }

    { $url }
mail-filing-completed-subject = 您的申请已处理完成
mail-filing-completed-body =
    您的申请“{ $procedure }”（受理编号 { $number }）已处理完成。

    { $url }
mail-request-for-use-refused-subject = 您的使用申请未获批准
mail-request-for-use-refused-body =
    您的“{ $procedure }”（整理编号 { $reference }）未获批准。

    { $message }

    { $url }
mail-resubmitted-subject = 已发送修改后的申请
mail-resubmitted-body =
    修改后的申请“{ $procedure }”（整理编号 { $reference }）已发送至出入国在留管理官署。

    { $url }
