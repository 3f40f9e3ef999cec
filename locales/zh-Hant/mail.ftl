# Emails (SPEC §14). Subjects are prefixed with the portal's name by the code; every body is followed
# by the portal's name and mail-footer. No email ever contains a password.
# Keep every URL on its own line or between one-byte spaces: the HTML version turns it into a link.
# 郵件（繁體中文）。郵件中絕不記載密碼。

mail-footer = 本郵件由僅用於傳送的地址自動傳送。回覆本郵件將無法得到答覆。如果您未曾申請，請刪除本郵件。

mail-registration-link-subject = 使用者註冊手續的說明
mail-registration-link-body =
    感謝您開始辦理使用者註冊手續。

    請開啟以下連結，輸入使用者資訊。此連結僅可使用1次，並僅在{ $hours }小時內有效。超過有效期後，請從「新使用者註冊」重新辦理。

    { $url }

mail-user-id-issued-subject = 使用者ID發放通知
mail-user-id-issued-body =
    { $name }：

    使用者註冊已完成。您的使用者ID如下：

    { $login_id }

    登入時需要此使用者ID及密碼，請妥善保管。
    申請尚未完成。如需申請，請透過以下網址使用此使用者ID登入：

    { $login_url }

mail-user-id-reminder-subject = 使用者ID通知
mail-user-id-reminder-body =
    我們已受理您關於通知以此電子郵件地址及姓名註冊的使用者ID的請求。

    { $count ->
        [one] 使用者ID：
       *[other] 使用者ID：
    }
    { $login_ids }

    請透過以下網址登入：
    { $login_url }

mail-user-id-reminder-no-match-subject = 關於您的使用者ID通知請求
mail-user-id-reminder-no-match-body =
    有人請求通知以此電子郵件地址註冊的使用者ID，但未找到與此電子郵件地址及所輸入姓名均一致的使用者。

    請確認姓名的拼寫（與註冊時相同的英文大寫字母）後重試，或透過以下頁面進行新使用者註冊：

    { $start_url }

mail-password-reset-link-subject = 重設密碼的說明
mail-password-reset-link-body =
    我們已受理您的重設密碼請求。

    請開啟以下連結，設定新密碼。此連結僅可使用1次，並僅在{ $hours }小時內有效。如果帳戶已被鎖定，設定新密碼後也將解除鎖定。

    { $url }

mail-password-reset-no-match-subject = 關於您的重設密碼請求
mail-password-reset-no-match-body =
    有人使用此電子郵件地址請求重設密碼，但未找到與此電子郵件地址及所輸入使用者ID均一致的使用者。

    請確認使用者ID後重試。如果您忘記了使用者ID，可以透過以下頁面將使用者ID傳送到註冊的電子郵件地址：

    { $start_url }

mail-password-changed-subject = 密碼更改通知
mail-password-changed-body =
    使用者ID { $login_id } 的密碼已更改。

    如果並非您本人所為，請立即透過登入頁面的「忘記密碼的使用者請點選此處」設定新密碼，並聯絡系統服務台。

mail-email-change-link-subject = 確認新的電子郵件地址
mail-email-change-link-body =
    我們已受理您將此地址用作帳戶電子郵件地址的請求。

    請開啟以下連結，完成更改。此連結僅可使用1次，並僅在{ $hours }小時內有效。在開啟連結之前，將繼續使用原電子郵件地址。

    { $url }

mail-email-changed-subject = 電子郵件地址更改通知
mail-email-changed-body =
    使用者ID { $login_id } 的電子郵件地址已更改為 { $new_email } 。
    今後的郵件將傳送至更改後的地址。

    如果並非您本人所為，請立即聯絡系統服務台。

mail-user-info-changed-subject = 使用者資訊更改通知
mail-user-info-changed-body =
    使用者ID { $login_id } 的使用者資訊已更改。

    如果並非您本人所為，請立即聯絡系統服務台。

mail-application-received-subject = 已受理您的申請
mail-application-received-body =
    已受理您的申請「{ $procedure }」。

    整理編號：{ $reference }

    登入後，可在「申請狀況確認」中確認處理狀況：

    { $status_url }

mail-request-for-use-approved-subject = 您的使用申請已完成
mail-request-for-use-approved-body =
    您的「{ $procedure }」（整理編號 { $reference }）已完成。
    現在可以使用本系統的手續。

mail-draft-expiring-subject = 您儲存的輸入內容將在7天後刪除
mail-draft-expiring-body =
    您為「{ $procedure }」儲存的輸入內容將於{ $expires }刪除。如需繼續輸入，請在此之前重新開始辦理手續。

    登入後，可在我的頁面的「輸入中的手續」中繼續辦理：

    { $url }

# What officers do to a filing (SPEC §8.4, §9.2, §14).
mail-filing-accepted-subject = 您的申請已被出入國在留管理官署受理
mail-filing-accepted-body =
    您的申請「{ $procedure }」（整理編號 { $reference }）已被受理。

    受理編號：{ $number }

    登入後可以確認處理狀況：

    { $url }
mail-notification-receipt-subject = 申報受理編號通知
mail-notification-receipt-body =
    您的申報「{ $procedure }」（整理編號 { $reference }）已被受理。

    申報受理編號：{ $number }

    登記完成後，將再次透過郵件通知您。登入後可以確認處理狀況：

    { $url }
mail-review-started-subject = 已開始審查您的申請
mail-review-started-body =
    已開始審查您的申請「{ $procedure }」（受理編號 { $number }）。

    { $url }
mail-revision-requested-subject = 請修改申請內容或提交補充材料
mail-revision-requested-body =
    關於您的申請「{ $procedure }」（整理編號 { $reference }），出入國在留管理官署請您進行以下修改或提交補充材料：

    { $message }

    請登入後，在「申請狀況確認」中開啟該申請，並選擇「修改」：

    { $url }
mail-notification-error-subject = 您的申報未能登記
mail-notification-error-body =
    您的申報「{ $procedure }」（申報受理編號 { $number }）由於以下原因未能登記：

    { $message }

    請登入後，在「申請狀況確認」中開啟該申報，修改後重新申報：

    { $url }
mail-notification-registered-subject = 您的申報已登記完成
mail-notification-registered-body =
    您的申報「{ $procedure }」（申報受理編號 { $number }）已登記完成。

    { $url }
mail-awaiting-issuance-subject = 您的申請已獲許可
mail-awaiting-issuance-body =
    您的申請「{ $procedure }」（受理編號 { $number }）已獲許可。請按照指示領取在留卡或證明書。

    { $url }
mail-not-permitted-subject = 關於您的申請結果
mail-not-permitted-body =
    您的申請「{ $procedure }」（受理編號 { $number }）的審查已結束，結果為不許可。

    { $message }

    { $url }
mail-filing-completed-subject = 您的申請已處理完成
mail-filing-completed-body =
    您的申請「{ $procedure }」（受理編號 { $number }）已處理完成。

    { $url }
mail-request-for-use-refused-subject = 您的使用申請未獲批准
mail-request-for-use-refused-body =
    您的「{ $procedure }」（整理編號 { $reference }）未獲批准。

    { $message }

    { $url }
mail-resubmitted-subject = 已傳送修改後的申請
mail-resubmitted-body =
    修改後的申請「{ $procedure }」（整理編號 { $reference }）已傳送至出入國在留管理官署。

    { $url }
