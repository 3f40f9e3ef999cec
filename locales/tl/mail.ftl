# Emails (SPEC §14). Subjects are prefixed with the portal's name by the code; every body is followed
# by the portal's name and mail-footer. No email ever contains a password.
# Keep every URL on its own line or between one-byte spaces: the HTML version turns it into a link.
# Mga email (Tagalog). Walang email na naglalaman ng password.

mail-footer = Awtomatikong ipinadala ang email na ito. Hindi binabasa ang mga sagot sa address na ito. Kung hindi mo hiniling ang email na ito, maaari mo itong balewalain.

mail-registration-link-subject = Ituloy ang iyong pagpaparehistro ng user
mail-registration-link-body =
    Salamat sa pagsisimula ng iyong pagpaparehistro ng user.

    Buksan ang link sa ibaba para ilagay ang iyong impormasyon ng user. Isang beses lamang gagana ang link at sa loob lamang ng { $hours } oras; pagkatapos noon, pakiulit mula sa "Bagong Pagpaparehistro".

    { $url }

mail-user-id-issued-subject = Naibigay na ang iyong User ID
mail-user-id-issued-body =
    { $name },

    Tapos na ang iyong pagpaparehistro ng user. Ang iyong User ID ay:

    { $login_id }

    Itago ang User ID na ito: kailangan mo ito kasama ng iyong password para mag-log in.
    Hindi pa tapos ang iyong aplikasyon. Para mag-apply, mag-log in gamit ang User ID na ito:

    { $login_url }

mail-user-id-reminder-subject = Ang iyong User ID
mail-user-id-reminder-body =
    Hiniling mo ang User ID na nakarehistro sa email address at pangalang ito.

    { $count ->
        [one] User ID:
       *[other] Mga User ID:
    }
    { $login_ids }

    Mag-log in dito: { $login_url }

mail-user-id-reminder-no-match-subject = Tungkol sa iyong paghiling ng User ID
mail-user-id-reminder-no-match-body =
    May humiling ng User ID na nakarehistro sa email address na ito, pero walang account na tumutugma sa address na ito kasama ng pangalang inilagay.

    Suriin ang baybay ng pangalan (malalaking titik, gaya ng nakarehistro) at subukang muli, o magparehistro bilang bagong user:

    { $start_url }

mail-password-reset-link-subject = Magtakda ng bagong password
mail-password-reset-link-body =
    Hiniling mong magtakda ng bagong password.

    Buksan ang link sa ibaba para pumili nito. Isang beses lamang gagana ang link at sa loob lamang ng { $hours } oras. Kapag nagtakda ka ng bagong password, maa-unlock din ang iyong account kung naka-lock ito.

    { $url }

mail-password-reset-no-match-subject = Tungkol sa iyong paghiling na i-reset ang password
mail-password-reset-no-match-body =
    May humiling na i-reset ang password gamit ang email address na ito, pero walang account na tumutugma sa address na ito kasama ng User ID na inilagay.

    Suriin ang User ID at subukang muli. Kung nakalimutan mo ang iyong User ID, maaari mo itong ipadala sa iyong nakarehistrong address dito:

    { $start_url }

mail-password-changed-subject = Napalitan na ang iyong password
mail-password-changed-body =
    Napalitan na ang password ng User ID { $login_id }.

    Kung hindi ikaw ang nagpalit nito, magtakda agad ng bagong password gamit ang "Mag-click dito kung nakalimutan mo ang iyong password" sa pahina ng pag-log in, at makipag-ugnayan sa System Help Desk.

mail-email-change-link-subject = Kumpirmahin ang iyong bagong email address
mail-email-change-link-body =
    Hiniling mong gamitin ang address na ito para sa iyong account.

    Buksan ang link sa ibaba para matapos ang pagpapalit. Isang beses lamang gagana ang link at sa loob lamang ng { $hours } oras. Hangga't hindi mo ito binubuksan, ang dati mong address pa rin ang gagamitin.

    { $url }

mail-email-changed-subject = Napalitan na ang iyong email address
mail-email-changed-body =
    Napalitan na ang email address ng User ID { $login_id } ng { $new_email }.
    Mula ngayon, sa bagong address na ipapadala ang mga email.

    Kung hindi ikaw ang gumawa ng pagbabagong ito, makipag-ugnayan agad sa System Help Desk.

mail-user-info-changed-subject = Napalitan na ang iyong impormasyon ng user
mail-user-info-changed-body =
    Napalitan na ang impormasyon ng user ng User ID { $login_id }.

    Kung hindi ikaw ang gumawa ng pagbabagong ito, makipag-ugnayan agad sa System Help Desk.

mail-application-received-subject = Natanggap na ang iyong aplikasyon
mail-application-received-body =
    Natanggap na ang iyong aplikasyong "{ $procedure }".

    Reference number: { $reference }

    Masusubaybayan mo ang kalagayan nito sa "Pagkumpirma ng kalagayan ng aplikasyon" pagkatapos mag-log in:

    { $status_url }

mail-request-for-use-approved-subject = Tapos na ang iyong Request for Use
mail-request-for-use-approved-body =
    Tapos na ang iyong "{ $procedure }" (reference number { $reference }).
    Magagamit mo na ngayon ang mga proseso ng system na ito.

mail-draft-expiring-subject = Buburahin sa loob ng 7 araw ang iyong mga naka-save na inilagay
mail-draft-expiring-body =
    Buburahin sa { $expires } ang mga inilagay mong naka-save para sa "{ $procedure }" kung hindi mo ito itutuloy.

    Para magpatuloy, mag-log in at buksan ang My Page → Mga naka-save na inilagay:

    { $url }

# What officers do to a filing (SPEC §8.4, §9.2, §14).
mail-filing-accepted-subject = Natanggap na ng immigration office ang iyong aplikasyon
mail-filing-accepted-body =
    Natanggap na ang iyong aplikasyong "{ $procedure }" (reference number { $reference }).

    Reception number: { $number }

    Masusubaybayan mo ang kalagayan nito pagkatapos mag-log in:

    { $url }
mail-notification-receipt-subject = Notification receipt number
mail-notification-receipt-body =
    Natanggap na ang iyong abisong "{ $procedure }" (reference number { $reference }).

    Notification receipt number: { $number }

    Makatatanggap ka ng isa pang email kapag tapos na ang pagpaparehistro nito. Masusubaybayan mo ang kalagayan nito pagkatapos mag-log in:

    { $url }
mail-review-started-subject = Sinimulan na ang pagsusuri sa iyong aplikasyon
mail-review-started-body =
    Sinimulan na ang pagsusuri sa iyong aplikasyong "{ $procedure }" (reception number { $number }).

    { $url }
mail-revision-requested-subject = Pakiwasto ang iyong aplikasyon o magpadala ng karagdagang dokumento
mail-revision-requested-body =
    Hinihiling ng immigration office na iwasto mo ang iyong aplikasyong "{ $procedure }" (reference number { $reference }) o magpadala ng karagdagang dokumento:

    { $message }

    Mag-log in, buksan ang aplikasyon sa "Pagkumpirma ng kalagayan ng aplikasyon" at piliin ang Baguhin:

    { $url }
mail-notification-error-subject = Hindi mairehistro ang iyong abiso
mail-notification-error-body =
    Hindi mairehistro ang iyong abisong "{ $procedure }" (notification receipt number { $number }) dahil sa dahilang ito:

    { $message }

    Mag-log in, buksan ang abiso sa "Pagkumpirma ng kalagayan ng aplikasyon", iwasto ito at ipadala muli:

    { $url }
mail-notification-registered-subject = Nairehistro na ang iyong abiso
mail-notification-registered-body =
    Tapos na ang pagpaparehistro ng iyong abisong "{ $procedure }" (notification receipt number { $number }).

    { $url }
mail-awaiting-issuance-subject = Pinahintulutan na ang iyong aplikasyon
mail-awaiting-issuance-body =
    Pinahintulutan na ang iyong aplikasyong "{ $procedure }" (reception number { $number }). Pakikuha ang iyong residence card o sertipiko ayon sa tagubilin.

    { $url }
mail-not-permitted-subject = Ang resulta ng iyong aplikasyon
mail-not-permitted-body =
    Tapos na ang pagsusuri sa iyong aplikasyong "{ $procedure }" (reception number { $number }): hindi ito pinahintulutan.

    { $message }

    { $url }
mail-filing-completed-subject = Tapos na ang iyong aplikasyon
mail-filing-completed-body =
    Tapos na ang pagproseso ng iyong aplikasyong "{ $procedure }" (reception number { $number }).

    { $url }
mail-request-for-use-refused-subject = Hindi naaprubahan ang iyong Request for Use
mail-request-for-use-refused-body =
    Hindi naaprubahan ang iyong "{ $procedure }" (reference number { $reference }).

    { $message }

    { $url }
mail-resubmitted-subject = Naipadala na ang iyong iniwastong aplikasyon
mail-resubmitted-body =
    Naipadala na sa immigration office ang iyong iniwastong aplikasyong "{ $procedure }" (reference number { $reference }).

    { $url }
