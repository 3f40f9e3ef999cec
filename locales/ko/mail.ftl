# Emails (SPEC §14). Subjects are prefixed with the portal's name by the code; every body is followed
# by the portal's name and mail-footer. No email ever contains a password.
# Keep every URL on its own line or between one-byte spaces: the HTML version turns it into a link.
# 메일(한국어). 메일에 비밀번호를 적는 일은 없습니다.

mail-footer = 이 메일은 발신 전용 주소에서 자동으로 발송되었습니다. 이 메일에 회신하셔도 답변해 드릴 수 없습니다. 요청하신 적이 없는 경우에는 이 메일을 삭제해 주십시오.

mail-registration-link-subject = 이용자 등록 절차 안내
mail-registration-link-body =
    이용자 등록 절차를 시작해 주셔서 감사합니다.

    아래 링크를 열어 이용자 정보를 입력해 주십시오. 이 링크는 한 번만, { $hours }시간 이내에만 유효합니다. 유효기간이 지난 경우에는 '신규 등록'에서 다시 진행해 주십시오.

    { $url }

mail-user-id-issued-subject = 이용자 ID 발급 안내
mail-user-id-issued-body =
    { $name } 님

    이용자 등록이 완료되었습니다. 이용자 ID는 다음과 같습니다.

    { $login_id }

    이 이용자 ID는 로그인할 때 비밀번호와 함께 필요하므로 잘 보관해 주십시오.
    신청은 아직 완료되지 않았습니다. 신청하시려면 아래에서 이 이용자 ID로 로그인해 주십시오.

    { $login_url }

mail-user-id-reminder-subject = 이용자 ID 안내
mail-user-id-reminder-body =
    이 메일 주소와 성명으로 등록된 이용자 ID의 통지 요청을 접수했습니다.

    { $count ->
        [one] 이용자 ID:
       *[other] 이용자 ID:
    }
    { $login_ids }

    로그인은 아래에서 해 주십시오.
    { $login_url }

mail-user-id-reminder-no-match-subject = 이용자 ID 통지 요청에 관하여
mail-user-id-reminder-no-match-body =
    이 메일 주소로 등록된 이용자 ID의 통지 요청이 있었으나, 이 메일 주소와 입력된 성명이 모두 일치하는 이용자를 찾을 수 없었습니다.

    성명의 철자(등록 시와 같은 영문 대문자)를 확인하신 후 다시 시도하시거나, 아래 페이지에서 신규 이용자로 등록해 주십시오.

    { $start_url }

mail-password-reset-link-subject = 비밀번호 재설정 안내
mail-password-reset-link-body =
    비밀번호 재설정 요청을 접수했습니다.

    아래 링크를 열어 새 비밀번호를 설정해 주십시오. 이 링크는 한 번만, { $hours }시간 이내에만 유효합니다. 계정이 잠겨 있는 경우 새 비밀번호를 설정하면 잠금도 해제됩니다.

    { $url }

mail-password-reset-no-match-subject = 비밀번호 재설정 요청에 관하여
mail-password-reset-no-match-body =
    이 메일 주소로 비밀번호 재설정 요청이 있었으나, 이 메일 주소와 입력된 이용자 ID가 모두 일치하는 이용자를 찾을 수 없었습니다.

    이용자 ID를 확인하신 후 다시 시도해 주십시오. 이용자 ID를 잊으신 경우에는 아래 페이지에서 등록된 메일 주소로 이용자 ID를 받을 수 있습니다.

    { $start_url }

mail-password-changed-subject = 비밀번호 변경 안내
mail-password-changed-body =
    이용자 ID { $login_id } 의 비밀번호가 변경되었습니다.

    직접 변경하지 않으셨다면 즉시 로그인 화면의 '비밀번호를 잊으신 분은 여기를 클릭'에서 새 비밀번호를 설정하고 시스템 헬프데스크에 문의해 주십시오.

mail-email-change-link-subject = 새 메일 주소 확인
mail-email-change-link-body =
    이 메일 주소를 이용자의 메일 주소로 사용하겠다는 요청을 접수했습니다.

    아래 링크를 열어 변경을 완료해 주십시오. 이 링크는 한 번만, { $hours }시간 이내에만 유효합니다. 링크를 열기 전까지는 변경 전 메일 주소가 계속 사용됩니다.

    { $url }

mail-email-changed-subject = 메일 주소 변경 안내
mail-email-changed-body =
    이용자 ID { $login_id } 의 메일 주소가 { $new_email } (으)로 변경되었습니다.
    앞으로 메일은 변경 후의 주소로 발송됩니다.

    직접 변경하지 않으셨다면 즉시 시스템 헬프데스크에 문의해 주십시오.

mail-user-info-changed-subject = 이용자 정보 변경 안내
mail-user-info-changed-body =
    이용자 ID { $login_id } 의 이용자 정보가 변경되었습니다.

    직접 변경하지 않으셨다면 즉시 시스템 헬프데스크에 문의해 주십시오.

mail-application-received-subject = 신청이 접수되었습니다
mail-application-received-body =
    '{ $procedure }'이(가) 접수되었습니다.

    정리번호: { $reference }

    로그인 후 '신청 상황 확인'에서 처리 상황을 확인할 수 있습니다.

    { $status_url }

mail-request-for-use-approved-subject = 이용 신청이 완료되었습니다
mail-request-for-use-approved-body =
    '{ $procedure }'(정리번호 { $reference })이(가) 완료되었습니다.
    이제 이 시스템의 절차를 이용하실 수 있습니다.

mail-draft-expiring-subject = 저장된 입력 내용이 7일 후에 삭제됩니다
mail-draft-expiring-body =
    '{ $procedure }'의 입력 중인 내용은 { $expires }에 삭제됩니다. 계속 입력하시려면 그 전에 절차를 다시 시작해 주십시오.

    로그인 후 마이페이지의 '입력 중인 절차'에서 다시 시작할 수 있습니다.

    { $url }

# What officers do to a filing (SPEC §8.4, §9.2, §14).
mail-filing-accepted-subject = 신청이 출입국재류관리관서에 접수되었습니다
mail-filing-accepted-body =
    신청 '{ $procedure }'(정리번호 { $reference })이(가) 접수되었습니다.

    접수번호: { $number }

    로그인 후 처리 상황을 확인할 수 있습니다.

    { $url }
mail-notification-receipt-subject = 신고 접수번호 안내
mail-notification-receipt-body =
    신고 '{ $procedure }'(정리번호 { $reference })이(가) 접수되었습니다.

    신고 접수번호: { $number }

    등록이 완료되면 다시 메일로 알려 드립니다. 로그인 후 처리 상황을 확인할 수 있습니다.

    { $url }
mail-review-started-subject = 신청 심사를 시작했습니다
mail-review-started-body =
    신청 '{ $procedure }'(접수번호 { $number })의 심사를 시작했습니다.

    { $url }
mail-revision-requested-subject = 신청 내용의 수정 또는 자료 제출을 부탁드립니다
mail-revision-requested-body =
    신청 '{ $procedure }'(정리번호 { $reference })에 대하여 다음 수정 또는 자료 제출을 부탁드립니다.

    { $message }

    로그인하여 '신청 상황 확인'에서 해당 신청을 열고 '수정'을 선택해 주십시오.

    { $url }
mail-notification-error-subject = 신고를 등록할 수 없었습니다
mail-notification-error-body =
    신고 '{ $procedure }'(신고 접수번호 { $number })은(는) 다음 이유로 등록할 수 없었습니다.

    { $message }

    로그인하여 '신청 상황 확인'에서 해당 신고를 열고, 수정하여 다시 신고해 주십시오.

    { $url }
mail-notification-registered-subject = 신고 등록이 완료되었습니다
mail-notification-registered-body =
    신고 '{ $procedure }'(신고 접수번호 { $number })의 등록이 완료되었습니다.

    { $url }
mail-awaiting-issuance-subject = 신청이 허가되었습니다
mail-awaiting-issuance-body =
    신청 '{ $procedure }'(접수번호 { $number })이(가) 허가되었습니다. 안내에 따라 재류카드 또는 증명서를 받아 주십시오.

    { $url }
mail-not-permitted-subject = 신청 결과에 관하여
mail-not-permitted-body =
    신청 '{ $procedure }'(접수번호 { $number })의 심사가 끝났습니다. 결과는 불허가입니다.

    { $message }

    { $url }
mail-filing-completed-subject = 신청 처리가 완료되었습니다
mail-filing-completed-body =
    신청 '{ $procedure }'(접수번호 { $number })의 처리가 완료되었습니다.

    { $url }
mail-request-for-use-refused-subject = 이용 신청이 승인되지 않았습니다
mail-request-for-use-refused-body =
    '{ $procedure }'(정리번호 { $reference })은(는) 승인되지 않았습니다.

    { $message }

    { $url }
mail-resubmitted-subject = 수정한 신청을 송신했습니다
mail-resubmitted-body =
    수정한 신청 '{ $procedure }'(정리번호 { $reference })을(를) 출입국재류관리관서에 송신했습니다.

    { $url }
