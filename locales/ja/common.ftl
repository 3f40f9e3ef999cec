# Shell of every page (SPEC §2), buttons, validation messages and error pages.
# 全画面共通の枠（SPEC §2）、ボタン、入力チェックのメッセージ及びエラー画面。

portal-name = 在留申請オンラインシステム及び電子届出システム
skip-to-content = 本文へスキップ
nav-label = メインメニュー
nav-procedure-search = 手続検索
nav-application-status = 申請状況確認
nav-signed-in-as = ログイン中の利用者：
nav-mypage = マイページ
nav-logout = ログアウト
nav-login = ログイン
nav-language = 言語
nav-language-change = 変更
nav-last-login = 前回ログイン日時
footer-inquiry = お問い合わせ
footer-procedure-inquiry = 各手続に関するお問い合わせは、最寄りの地方出入国在留管理局に電話でお問い合わせください。
footer-helpdesk = システムの操作に関するお問い合わせ：システムヘルプデスク
footer-helpdesk-hours = 受付時間：平日9:00～17:00（年末年始を除く。）
footer-change-scheme = 配色変更
footer-to-top = ページの先頭へ
scheme-standard = 標準
scheme-blue = 青
scheme-yellow = 黄
scheme-black = 黒
dev-banner = 開発モード：メールは送信されず、開発用メールボックスに保存されます。
dev-mailbox-link = 開発用メールボックスを開く
dev-mailbox-title = 開発用メールボックス
dev-mailbox-explain = このページは、SMTPサーバーが設定されていない間のみ表示されます。本システムが送信するはずだったメールを新しい順に一覧表示しますので、メールに記載されたリンクを開くことができます。
dev-mailbox-empty = メールはまだありません。
dev-mailbox-to = 宛先

required = 必須
button-ok = OK
button-cancel = キャンセル
button-home = トップページへ
button-back = 戻る
button-agree = 同意する
button-register = 登録
button-proceed-confirm = 入力内容確認へ
button-return-to-input = 入力画面へ戻る
button-return-to-login = ログイン画面へ戻る
button-return-to-details = 詳細へ戻る
button-back-mypage = マイページへ戻る
button-complete = 完了
button-change = 変更
button-login = ログイン
button-logout = ログアウト
button-confirm-change = 変更を確定する
confirm-lead = 以下の内容で登録してよろしいですか。（まだ完了していません。）

title-error-prefix = エラー：
error-summary-title = 入力内容に誤りがあります
err-required = { $field }は必須項目です。
err-too-long = { $field }は{ $bound }文字以内で入力してください。
err-too-short = { $field }は{ $bound }文字以上で入力してください。
err-format = { $field }の形式が正しくありません。
err-characters = { $field }に使用できない文字が含まれています。
err-password-kinds = { $field }には、英大文字、英小文字、数字及び記号をそれぞれ1文字以上含めてください。
err-mismatch = { $field }が一致しません。

error-not-found-title = ページが見つかりません
error-not-found-text = お探しのページは存在しません。アドレスを直接入力された場合は、入力内容をご確認ください。リンクからアクセスされた場合は、トップページへお戻りください。
error-csrf-title = 送信内容を受け付けることができませんでした
error-csrf-text = セキュリティ保護のため、画面を開いてから時間が経ち過ぎている、別のウィンドウで開かれている、又はCookieが無効になっているなどの理由により、送信を受け付けませんでした。内容は保存されていません。お手数ですが、画面を開き直して、もう一度入力してください。
error-too-large-title = 送信されたデータが大きすぎます
error-too-large-text = 送信された内容が、この画面で受け付けられる大きさを超えています。内容は保存されていません。前の画面に戻り、量を減らしてもう一度お試しください。
error-bad-request-title = リクエストを処理できませんでした
error-bad-request-text = この画面で受け付けられない形式のリクエストでした。内容は保存されていません。メニューから画面を開き直してください。
error-rate-limited-title = リクエストが多すぎます
error-rate-limited-text = 短時間に多数のリクエストがありました。セキュリティ保護のため、しばらく（最長1時間）お待ちいただいてから、もう一度お試しください。
error-internal-title = 申し訳ありません。エラーが発生しました
error-internal-text = システムでリクエストを処理できませんでした。入力された内容は送信されていません。しばらくしてから、もう一度お試しください。再び発生する場合は、システムヘルプデスクにお問い合わせください。
link-expired-title = このリンクは有効期限が切れています
link-expired-text = メールに記載されたリンクは一定時間のみ有効で、その有効期限が過ぎています。お手数ですが、最初からやり直してください。新しいメールが送信されます。
link-used-title = このリンクは既に使用されています
link-used-text = メールに記載されたリンクは1回のみ使用でき、既に使用されています。手続が完了している場合は、ログインできます。完了していない場合は、最初からやり直してください。
link-unknown-title = このリンクは無効です
link-unknown-text = リンクを認識できませんでした。コピーした際に途中で切れた可能性があります。メールから直接開くか、最初からやり直してください。
link-start-again = 最初からやり直す
mail-not-arriving = メールが届かない場合は、迷惑メールフォルダを確認し、本システムからのメールを受信できる設定になっているかをご確認の上、もう一度お試しください。


top-title = トップページ
top-general-notices = お知らせ
top-list-of-notices = お知らせ一覧
top-search-title = 申請手続を探す
top-search-text = キーワードやカテゴリから申請手続を検索できます。
top-search-link = オンライン申請手続
top-status-title = 申請状況を確認する
top-status-text = 申請状況の確認や、過去の申請情報の閲覧ができます。
top-status-link = 申請状況を確認する
top-register-title = 新規登録
top-register-text = 利用者登録をすると、申請状況の確認が簡単になり、申請情報を再入力する手間も省けます。
top-register-link = 新規登録
notices-title = お知らせ一覧
notices-none = 現在、お知らせはありません。
notices-back = お知らせ一覧へ戻る

timeout-title = まもなくログアウトします
timeout-body = 一定時間操作がないため、次の時刻に自動的にログアウトします：
timeout-ok-explains = 「OK」を押すと、ログイン状態がさらに3時間延長されます。「キャンセル」を押すと、表示された時刻にログアウトします。

button-search = 検索
button-delete = 削除
button-return-to-list = 一覧へ戻る
answer-yes = はい
answer-no = いいえ
pagination-label = ページ
pagination-first = 最初
pagination-previous = 前へ
pagination-next = 次へ
pagination-last = 最後

err-not-a-choice = { $field }は表示された選択肢から選んでください。
err-invalid-date = { $field }は存在しない日付です。
err-future = { $field }に未来の日付は入力できません。
err-before-date = { $field }は{ $limit }より前の日付にできません。
err-after-date = { $field }は{ $limit }より後の日付にできません。
err-too-many-rows = { $field }は{ $bound }件まで入力できます。
err-too-few-rows = { $field }は{ $bound }件以上入力してください。
err-too-many-files = { $field }に添付できるファイルは{ $bound }件までです。
form-yes = はい
form-no = いいえ
form-date-unknown = 不明
form-date-month-day-unknown = { $value }（月日不明）
form-date-day-unknown = { $value }（日不明）
form-files = { $value }件のファイル
date-unknown-none = 不明な部分なし
date-unknown-all = 年月日不明
date-unknown-month-day = 月日不明
date-unknown-day = 日不明

## ---- カレンダーによる日付選択（SPEC §6.2, §9.1）：YYYYMMDDの日付欄の横のボタンとダイアログ。
## 月と曜日の名前はブラウザーが表示言語で作る（Intl.DateTimeFormat）。
datepicker-open = カレンダー
datepicker-title = 日付を選択
datepicker-prev-year = 前の年
datepicker-prev-month = 前の月
datepicker-next-month = 次の月
datepicker-next-year = 次の年
datepicker-help = 矢印キーで日・週を、Page Up・Page Downで月を（Shiftを押しながらで年を）移動し、Home・Endで週の初め・終わりに移動します。EnterまたはSpaceで日付を選択し、Escapeで選択せずに閉じます。
