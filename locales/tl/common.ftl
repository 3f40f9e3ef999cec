# Shell of every page (SPEC §2), buttons, validation messages and error pages.
# Balangkas ng bawat pahina (SPEC §2), mga button, mga mensahe ng pagsusuri at mga pahina ng error. Tagalog.
# Official names (Online Residence Application System, status of residence, residence card, User ID,
# Regional Immigration Services Bureau …) stay in English, as Filipino usage keeps them.

portal-name = Online Residence Application System at Electronic Notification System
skip-to-content = Lumaktaw sa pangunahing nilalaman
nav-label = Pangunahing menu
nav-procedure-search = Maghanap ng proseso
nav-application-status = Pagkumpirma ng kalagayan ng aplikasyon
nav-signed-in-as = Naka-log in bilang:
nav-mypage = My Page
nav-logout = Mag-log out
nav-login = Mag-log in
nav-language = Wika
nav-language-change = Palitan
nav-last-login = Huling pag-log in
footer-inquiry = Mga tanong
footer-procedure-inquiry = Para sa mga tanong tungkol sa mga proseso, pakitawagan ang pinakamalapit na Regional Immigration Services Bureau.
footer-helpdesk = Para sa mga tanong tungkol sa paggamit ng system: System Help Desk
footer-helpdesk-hours = Oras ng pagtanggap: mga araw ng trabaho, 9:00–17:00 (maliban sa bakasyon ng katapusan at simula ng taon).
footer-change-scheme = Palitan ang kulay
footer-to-top = Bumalik sa itaas ng pahina
scheme-standard = Karaniwan
scheme-blue = Asul
scheme-yellow = Dilaw
scheme-black = Itim
dev-banner = Development mode: hindi ipinapadala ang mga email kundi itinatago sa development mailbox.
dev-mailbox-link = Buksan ang development mailbox
dev-mailbox-title = Development mailbox
dev-mailbox-explain = Umiiral lamang ang pahinang ito habang walang naka-configure na SMTP server. Nakalista rito ang mga email na ipinadala sana ng system, pinakabago muna, para mabuksan mo ang mga link sa mga ito.
dev-mailbox-empty = Wala pang email.
dev-mailbox-to = Para kay

required = Kailangan
button-ok = OK
button-cancel = Kanselahin
button-home = Sa unang pahina
button-back = Bumalik
button-agree = Sumasang-ayon
button-register = Magrehistro
button-proceed-confirm = Magpatuloy sa Pagkumpirma
button-return-to-input = Bumalik sa Pag-input
button-return-to-login = Bumalik sa Pag-log in
button-return-to-details = Bumalik sa Detalye
button-back-mypage = Bumalik sa My Page
button-complete = Tapusin
button-change = Palitan
button-login = Mag-log in
button-logout = Mag-log out
button-confirm-change = Kumpirmahin ang pagbabago
confirm-lead = Irerehistro ba ito ayon sa mga sumusunod na nilalaman? (Hindi pa ito tapos.)

title-error-prefix = Error:
error-summary-title = May problema sa iyong mga inilagay
err-required = Kailangang punan ang { $field }.
err-too-long = Ang { $field } ay dapat hindi hihigit sa { $bound } na character.
err-too-short = Ang { $field } ay dapat hindi bababa sa { $bound } na character.
err-format = Hindi tama ang format ng { $field }.
err-characters = May mga character sa { $field } na hindi maaaring gamitin.
err-password-kinds = Ang { $field } ay dapat may kahit isang malaking titik, isang maliit na titik, isang numero at isang simbolo.
err-mismatch = Hindi magkatugma ang { $field }.

error-not-found-title = Hindi makita ang pahina
error-not-found-text = Hindi umiiral ang pahinang hinahanap mo. Kung itinype mo ang address, pakisuri ito. Kung sumunod ka sa isang link, bumalik sa unang pahina.
error-csrf-title = Hindi matanggap ang iyong form
error-csrf-text = Para sa iyong seguridad, tinanggihan ang form dahil matagal na itong nakabukas o binuksan sa ibang window, o dahil naka-off ang cookies. Walang na-save. Pakibuksan muli ang pahina at ilagay muli ang form.
error-too-large-title = Masyadong malaki ang ipinadalang data
error-too-large-text = Mas malaki ang ipinadala kaysa sa tinatanggap ng screen na ito. Walang na-save. Pakibalik at subukang muli nang mas kaunti.
error-bad-request-title = Hindi maintindihan ang request
error-bad-request-text = Wala sa anyong tinatanggap ng screen na ito ang request. Walang na-save. Pakibuksan muli ang pahina mula sa menu.
error-rate-limited-title = Masyadong maraming request
error-rate-limited-text = Masyadong maraming request sa maikling panahon. Para sa iyong seguridad, maghintay muna nang ilang sandali (hanggang isang oras) at subukang muli.
error-internal-title = Paumanhin, may nangyaring mali
error-internal-text = Hindi natapos ng system ang iyong request. Walang naipadala sa mga inilagay mo. Pakisubukang muli mamaya; kung mangyari ulit ito, makipag-ugnayan sa System Help Desk.
link-expired-title = Nag-expire na ang link na ito
link-expired-text = Magagamit lamang ang link sa iyong email sa limitadong panahon, at lumipas na ang panahong iyon. Pakiulit mula sa simula; magpapadala ng bagong email.
link-used-title = Nagamit na ang link na ito
link-used-text = Isang beses lamang magagamit ang link sa iyong email, at nagamit na ito. Kung tapos ka na, maaari kang mag-log in. Kung hindi pa, pakiulit mula sa simula.
link-unknown-title = Hindi valid ang link na ito
link-unknown-text = Hindi makilala ang link. Maaaring naputol ito nang kopyahin. Pakibuksan ito nang direkta mula sa email, o ulitin mula sa simula.
link-start-again = Ulitin mula sa simula
mail-not-arriving = Kung hindi dumating ang email, tingnan ang iyong spam folder at tiyaking nakakatanggap ka ng email mula sa system na ito, saka subukang muli.


top-title = Unang pahina
top-general-notices = Mga Abiso
top-list-of-notices = Listahan ng mga Abiso
top-search-title = Maghanap ng Proseso ng Aplikasyon
top-search-text = Maaari kang maghanap ng proseso ng aplikasyon gamit ang mga keyword o kategorya.
top-search-link = Mga Proseso ng Online na Aplikasyon
top-status-title = Tingnan ang Kalagayan ng Aplikasyon
top-status-text = Kumpirmahin ang kalagayan ng aplikasyon at tingnan ang impormasyon ng mga nakaraang aplikasyon.
top-status-link = Tingnan ang Kalagayan ng Aplikasyon
top-register-title = Bagong Pagpaparehistro
top-register-text = Kapag nagparehistro ka, makakatipid ka ng oras: madali mong matitingnan ang kalagayan ng aplikasyon at hindi mo na kailangang ilagay muli ang impormasyon ng aplikasyon.
top-register-link = Bagong Pagpaparehistro
notices-title = Listahan ng mga Abiso
notices-none = Walang abiso sa ngayon.
notices-back = Bumalik sa Listahan ng mga Abiso

timeout-title = Malapit ka nang ma-log out
timeout-body = Dahil walang aktibidad, awtomatiko kang mala-log out sa oras na ito:
timeout-ok-explains = Pindutin ang OK para manatiling naka-log in nang tatlong oras pa. Pindutin ang Kanselahin para ma-log out sa oras na ipinakita.

button-search = Maghanap
button-delete = Burahin
button-return-to-list = Bumalik sa Listahan
answer-yes = Oo
answer-no = Hindi
pagination-label = Mga pahina
pagination-first = Una
pagination-previous = Nakaraan
pagination-next = Susunod
pagination-last = Huli

err-not-a-choice = Pumili ng { $field } mula sa mga ipinakitang opsyon.
err-invalid-date = Ang { $field } ay hindi petsang umiiral.
err-future = Hindi maaaring nasa hinaharap ang { $field }.
err-before-date = Ang { $field } ay hindi maaaring mas maaga sa { $limit }.
err-after-date = Ang { $field } ay hindi maaaring mas huli sa { $limit }.
err-too-many-rows = Hanggang { $bound } entry lamang ang maaaring ilagay sa { $field }.
err-too-few-rows = Kailangan ng { $field } ng kahit { $bound } entry.
err-too-many-files = Hanggang { $bound } file lamang ang maaaring ilakip sa { $field }.
form-yes = Oo
form-no = Hindi
form-date-unknown = Hindi alam
form-date-month-day-unknown = { $value } (hindi alam ang buwan at araw)
form-date-day-unknown = { $value } (hindi alam ang araw)
form-files = { $value ->
    [one] 1 file
   *[other] { $value } na file
}
date-unknown-none = Walang hindi alam na bahagi
date-unknown-all = Hindi alam ang taon, buwan at araw
date-unknown-month-day = Hindi alam ang buwan at araw
date-unknown-day = Hindi alam ang araw
