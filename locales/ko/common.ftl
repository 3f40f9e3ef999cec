# Shell of every page (SPEC §2), buttons, validation messages and error pages.
# 모든 화면 공통 틀(SPEC §2), 버튼, 입력 확인 메시지 및 오류 화면. 한국어.

portal-name = 재류신청 온라인 시스템 및 전자신고 시스템
skip-to-content = 본문으로 건너뛰기
nav-label = 메인 메뉴
nav-procedure-search = 절차 검색
nav-application-status = 신청 상황 확인
nav-signed-in-as = 로그인 중인 이용자:
nav-mypage = 마이페이지
nav-logout = 로그아웃
nav-login = 로그인
nav-language = 언어
nav-language-change = 변경
nav-last-login = 지난 로그인 일시
footer-inquiry = 문의
footer-procedure-inquiry = 각 절차에 관한 문의는 가까운 지방출입국재류관리국에 전화로 문의해 주십시오.
footer-helpdesk = 시스템 조작에 관한 문의: 시스템 헬프데스크
footer-helpdesk-hours = 접수 시간: 평일 9:00~17:00(연말연시 제외)
footer-change-scheme = 배색 변경
footer-to-top = 페이지 맨 위로
scheme-standard = 표준
scheme-blue = 파랑
scheme-yellow = 노랑
scheme-black = 검정
dev-banner = 개발 모드: 메일은 발송되지 않고 개발용 메일함에 보관됩니다.
dev-mailbox-link = 개발용 메일함 열기
dev-mailbox-title = 개발용 메일함
dev-mailbox-explain = 이 페이지는 SMTP 서버가 설정되지 않은 동안에만 표시됩니다. 이 시스템이 발송했어야 할 메일을 최신순으로 보여 주므로, 메일에 적힌 링크를 열 수 있습니다.
dev-mailbox-empty = 아직 메일이 없습니다.
dev-mailbox-to = 받는 사람

required = 필수
button-ok = OK
button-cancel = 취소
button-home = 첫 페이지로
button-back = 뒤로
button-agree = 동의합니다
button-register = 등록
button-proceed-confirm = 입력 내용 확인으로
button-return-to-input = 입력 화면으로 돌아가기
button-return-to-login = 로그인 화면으로 돌아가기
button-return-to-details = 상세 정보로 돌아가기
button-back-mypage = 마이페이지로 돌아가기
button-complete = 완료
button-change = 변경
button-login = 로그인
button-logout = 로그아웃
button-confirm-change = 변경 확정
confirm-lead = 다음 내용으로 등록하시겠습니까? (아직 완료되지 않았습니다.)

title-error-prefix = 오류:
error-summary-title = 입력 내용에 문제가 있습니다
err-required = { $field }은(는) 필수 항목입니다.
err-too-long = { $field }은(는) { $bound }자 이내로 입력해 주십시오.
err-too-short = { $field }은(는) { $bound }자 이상 입력해 주십시오.
err-format = { $field }의 형식이 올바르지 않습니다.
err-characters = { $field }에 사용할 수 없는 문자가 포함되어 있습니다.
err-password-kinds = { $field }에는 영문 대문자, 영문 소문자, 숫자 및 기호를 각각 1자 이상 포함해 주십시오.
err-mismatch = { $field }이(가) 일치하지 않습니다.

error-not-found-title = 페이지를 찾을 수 없습니다
error-not-found-text = 찾으시는 페이지가 존재하지 않습니다. 주소를 직접 입력하신 경우에는 입력 내용을 확인해 주십시오. 링크를 통해 오신 경우에는 첫 페이지로 돌아가 주십시오.
error-csrf-title = 보내신 내용을 접수할 수 없었습니다
error-csrf-text = 보안을 위해, 화면을 연 뒤 시간이 너무 많이 지났거나, 다른 창에서 열었거나, 쿠키가 꺼져 있는 등의 이유로 전송을 접수하지 않았습니다. 내용은 저장되지 않았습니다. 번거로우시겠지만 화면을 다시 열어 다시 입력해 주십시오.
error-too-large-title = 보낸 데이터가 너무 큽니다
error-too-large-text = 보낸 내용이 이 화면에서 접수할 수 있는 크기를 넘었습니다. 내용은 저장되지 않았습니다. 이전 화면으로 돌아가 양을 줄여서 다시 시도해 주십시오.
error-bad-request-title = 요청을 처리할 수 없었습니다
error-bad-request-text = 이 화면에서 접수할 수 없는 형식의 요청이었습니다. 내용은 저장되지 않았습니다. 메뉴에서 화면을 다시 열어 주십시오.
error-rate-limited-title = 요청이 너무 많습니다
error-rate-limited-text = 짧은 시간에 요청이 너무 많았습니다. 보안을 위해 잠시(최대 1시간) 기다리신 후 다시 시도해 주십시오.
error-internal-title = 죄송합니다. 오류가 발생했습니다
error-internal-text = 시스템에서 요청을 처리할 수 없었습니다. 입력하신 내용은 전송되지 않았습니다. 잠시 후 다시 시도해 주십시오. 다시 발생하는 경우에는 시스템 헬프데스크에 문의해 주십시오.
link-expired-title = 이 링크는 유효기간이 지났습니다
link-expired-text = 메일에 적힌 링크는 일정 시간 동안만 유효하며, 그 유효기간이 지났습니다. 처음부터 다시 진행해 주십시오. 새 메일이 발송됩니다.
link-used-title = 이 링크는 이미 사용되었습니다
link-used-text = 메일에 적힌 링크는 한 번만 사용할 수 있으며, 이미 사용되었습니다. 절차를 마치셨다면 로그인할 수 있습니다. 마치지 않으셨다면 처음부터 다시 진행해 주십시오.
link-unknown-title = 이 링크는 유효하지 않습니다
link-unknown-text = 링크를 인식할 수 없었습니다. 복사할 때 중간에 잘렸을 수 있습니다. 메일에서 직접 열거나 처음부터 다시 진행해 주십시오.
link-start-again = 처음부터 다시 진행
mail-not-arriving = 메일이 도착하지 않는 경우에는 스팸 메일함을 확인하시고, 이 시스템의 메일을 받을 수 있도록 설정되어 있는지 확인하신 후 다시 시도해 주십시오.


top-title = 첫 페이지
top-general-notices = 공지사항
top-list-of-notices = 공지사항 목록
top-search-title = 신청 절차 찾기
top-search-text = 키워드나 카테고리로 신청 절차를 검색할 수 있습니다.
top-search-link = 온라인 신청 절차
top-status-title = 신청 상황 확인
top-status-text = 신청 상황을 확인하고 과거의 신청 정보를 볼 수 있습니다.
top-status-link = 신청 상황 확인
top-register-title = 신규 등록
top-register-text = 이용자 등록을 하면 신청 상황을 쉽게 확인할 수 있고, 신청 정보를 다시 입력하는 수고를 덜 수 있습니다.
top-register-link = 신규 등록
notices-title = 공지사항 목록
notices-none = 현재 공지사항이 없습니다.
notices-back = 공지사항 목록으로 돌아가기

timeout-title = 곧 로그아웃됩니다
timeout-body = 일정 시간 조작이 없었으므로 다음 시각에 자동으로 로그아웃됩니다:
timeout-ok-explains = 'OK'를 누르면 로그인 상태가 3시간 더 연장됩니다. '취소'를 누르면 표시된 시각에 로그아웃됩니다.

button-search = 검색
button-delete = 삭제
button-return-to-list = 목록으로 돌아가기
answer-yes = 예
answer-no = 아니요
pagination-label = 페이지
pagination-first = 처음
pagination-previous = 이전
pagination-next = 다음
pagination-last = 마지막

err-not-a-choice = { $field }은(는) 표시된 선택지 중에서 골라 주십시오.
err-invalid-date = { $field }은(는) 존재하지 않는 날짜입니다.
err-future = { $field }에는 미래의 날짜를 입력할 수 없습니다.
err-before-date = { $field }은(는) { $limit }보다 앞선 날짜일 수 없습니다.
err-after-date = { $field }은(는) { $limit }보다 뒤의 날짜일 수 없습니다.
err-too-many-rows = { $field }은(는) { $bound }건까지 입력할 수 있습니다.
err-too-few-rows = { $field }은(는) { $bound }건 이상 입력해 주십시오.
err-too-many-files = { $field }에 첨부할 수 있는 파일은 { $bound }개까지입니다.
form-yes = 예
form-no = 아니요
form-date-unknown = 불명
form-date-month-day-unknown = { $value }(월일 불명)
form-date-day-unknown = { $value }(일 불명)
form-files = { $value ->
    [one] 파일 1개
   *[other] 파일 { $value }개
}
date-unknown-none = 불명인 부분 없음
date-unknown-all = 연월일 불명
date-unknown-month-day = 월일 불명
date-unknown-day = 일 불명
