# Emails (SPEC §14). Subjects are prefixed with the portal's name by the code; every body is followed
# by the portal's name and mail-footer. No email ever contains a password.
# メール（SPEC §14）。件名の先頭にはコードがポータル名を付け、本文の後にはポータル名と mail-footer が続く。
# パスワードをメールに記載することはない。URLは前後を半角スペース又は改行で区切ること（HTML版でリンクにするため）。

mail-footer = このメールは送信専用のアドレスから自動送信されています。このメールに返信いただいてもお答えできません。お心当たりのない場合は、このメールを破棄してください。

mail-registration-link-subject = 利用者登録手続のご案内
mail-registration-link-body =
    利用者登録の手続を開始いただき、ありがとうございます。

    以下のリンクを開いて、利用者情報を入力してください。このリンクは1回限り、{ $hours }時間以内のみ有効です。有効期限を過ぎた場合は、「新規登録」からもう一度手続を行ってください。

    { $url }

mail-user-id-issued-subject = 利用者ID発行のお知らせ
mail-user-id-issued-body =
    { $name } 様

    利用者登録が完了しました。利用者IDは以下のとおりです。

    { $login_id }

    この利用者IDは、パスワードとともにログイン時に必要となりますので、大切に保管してください。
    申請はまだ完了していません。申請を行う場合は、以下からこの利用者IDでログインしてください。

    { $login_url }

mail-user-id-reminder-subject = 利用者IDのお知らせ
mail-user-id-reminder-body =
    このメールアドレス及び氏名で登録されている利用者IDの通知のご依頼を受け付けました。

    { $count ->
        [one] 利用者ID：
       *[other] 利用者ID：
    }
    { $login_ids }

    ログインは以下から行ってください。
    { $login_url }

mail-user-id-reminder-no-match-subject = 利用者ID通知のご依頼について
mail-user-id-reminder-no-match-body =
    このメールアドレスで登録されている利用者IDの通知のご依頼がありましたが、このメールアドレスと入力された氏名の両方に一致する利用者は見つかりませんでした。

    氏名のつづり（登録時と同じ英大文字）をご確認の上、もう一度お試しいただくか、以下のページの「新規登録」から利用者登録を行ってください。

    { $start_url }

mail-password-reset-link-subject = パスワード再設定のご案内
mail-password-reset-link-body =
    パスワード再設定のご依頼を受け付けました。

    以下のリンクを開いて、新しいパスワードを設定してください。このリンクは1回限り、{ $hours }時間以内のみ有効です。新しいパスワードを設定すると、アカウントがロックされている場合はロックも解除されます。

    { $url }

mail-password-reset-no-match-subject = パスワード再設定のご依頼について
mail-password-reset-no-match-body =
    このメールアドレスでパスワード再設定のご依頼がありましたが、このメールアドレスと入力された利用者IDの両方に一致する利用者は見つかりませんでした。

    利用者IDをご確認の上、もう一度お試しください。利用者IDをお忘れの場合は、以下のページから登録済みのメールアドレスに利用者IDを送信できます。

    { $start_url }

mail-password-changed-subject = パスワード変更のお知らせ
mail-password-changed-body =
    利用者ID { $login_id } のパスワードが変更されました。

    お心当たりのない場合は、直ちにログイン画面の「パスワードを忘れた方はこちら」から新しいパスワードを設定し、システムヘルプデスクにお問い合わせください。

mail-email-change-link-subject = 新しいメールアドレスの確認
mail-email-change-link-body =
    このメールアドレスを利用者のメールアドレスとして使用するご依頼を受け付けました。

    以下のリンクを開いて、変更を完了してください。このリンクは1回限り、{ $hours }時間以内のみ有効です。リンクを開くまでは、変更前のメールアドレスが引き続き使用されます。

    { $url }

mail-email-changed-subject = メールアドレス変更のお知らせ
mail-email-changed-body =
    利用者ID { $login_id } のメールアドレスが { $new_email } に変更されました。
    今後のメールは、変更後のメールアドレスに送信されます。

    お心当たりのない場合は、直ちにシステムヘルプデスクにお問い合わせください。

mail-user-info-changed-subject = 利用者情報変更のお知らせ
mail-user-info-changed-body =
    利用者ID { $login_id } の利用者情報が変更されました。

    お心当たりのない場合は、直ちにシステムヘルプデスクにお問い合わせください。

mail-application-received-subject = 申請を受け付けました
mail-application-received-body =
    「{ $procedure }」を受け付けました。

    整理番号：{ $reference }

    ログイン後、「申請状況確認」から処理状況を確認できます。

    { $status_url }

mail-request-for-use-approved-subject = 利用申出が完了しました
mail-request-for-use-approved-body =
    「{ $procedure }」（整理番号 { $reference }）が完了しました。
    本システムの手続を利用できるようになりました。

mail-draft-expiring-subject = 保存された入力内容は7日後に削除されます
mail-draft-expiring-body =
    「{ $procedure }」の入力途中の内容は、{ $expires }に削除されます。続きを入力する場合は、それまでに手続を再開してください。

    ログイン後、マイページの「入力途中の手続」から再開できます。

    { $url }

# 職員による処理（SPEC §8.4, §9.2, §14）
mail-filing-accepted-subject = 申請が受け付けられました
mail-filing-accepted-body =
    申請「{ $procedure }」（整理番号 { $reference }）が地方出入国在留管理官署で受け付けられました。

    受付番号：{ $number }

    処理状況はログイン後に確認できます。

    { $url }
mail-notification-receipt-subject = 届出受付番号のお知らせ
mail-notification-receipt-body =
    届出「{ $procedure }」（整理番号 { $reference }）を受け付けました。

    届出受付番号：{ $number }

    登録が完了しましたら、改めてメールでお知らせします。処理状況はログイン後に確認できます。

    { $url }
mail-review-started-subject = 申請の審査を開始しました
mail-review-started-body =
    申請「{ $procedure }」（受付番号 { $number }）の審査を開始しました。

    { $url }
mail-revision-requested-subject = 申請内容の修正又は資料の提出をお願いします
mail-revision-requested-body =
    申請「{ $procedure }」（整理番号 { $reference }）について、次の修正又は資料の提出をお願いします。

    { $message }

    ログインし、「申請状況確認」から該当の申請を開き、「修正」を選択してください。

    { $url }
mail-notification-error-subject = 届出を登録できませんでした
mail-notification-error-body =
    届出「{ $procedure }」（届出受付番号 { $number }）は、次の理由により登録できませんでした。

    { $message }

    ログインし、「申請状況確認」から該当の届出を開き、修正して再度届け出てください。

    { $url }
mail-notification-registered-subject = 届出の登録が完了しました
mail-notification-registered-body =
    届出「{ $procedure }」（届出受付番号 { $number }）の登録が完了しました。

    { $url }
mail-awaiting-issuance-subject = 申請が許可されました
mail-awaiting-issuance-body =
    申請「{ $procedure }」（受付番号 { $number }）が許可されました。案内に従って在留カード又は証明書をお受け取りください。

    { $url }
mail-not-permitted-subject = 申請の結果について
mail-not-permitted-body =
    申請「{ $procedure }」（受付番号 { $number }）の審査が終了しました。結果は不許可です。

    { $message }

    { $url }
mail-filing-completed-subject = 申請の処理が完了しました
mail-filing-completed-body =
    申請「{ $procedure }」（受付番号 { $number }）の処理が完了しました。

    { $url }
mail-request-for-use-refused-subject = 利用申請は承認されませんでした
mail-request-for-use-refused-body =
    「{ $procedure }」（整理番号 { $reference }）は承認されませんでした。

    { $message }

    { $url }
mail-resubmitted-subject = 修正した申請を送信しました
mail-resubmitted-body =
    修正した申請「{ $procedure }」（整理番号 { $reference }）を地方出入国在留管理官署に送信しました。

    { $url }
