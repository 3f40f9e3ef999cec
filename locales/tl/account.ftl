# User accounts: registration (SPEC §3), login and recovery (§4), My Page and user information (§11).
# Mga account ng user: pagpaparehistro (SPEC §3), pag-log in at pagbawi (§4), My Page at impormasyon ng user (§11). Tagalog.

field-email = Email address
field-email-confirm = Email address (para sa kumpirmasyon)
field-new-email = Bagong email address
field-new-email-confirm = Bagong email address (para sa kumpirmasyon)
field-user-type = Uri ng user
field-name-en = Pangalan (sa letrang Ingles)
field-telephone = Numero ng telepono
field-password = Password
field-password-confirm = Password (para sa kumpirmasyon)
field-password-login = Password
field-current-password = Kasalukuyang password
field-new-password = Bagong password
field-new-password-confirm = Bagong password (para sa kumpirmasyon)
field-user-id = User ID
field-sex = Kasarian
field-date-of-birth = Petsa ng kapanganakan
field-postal-code = Postal code
field-address = Tirahan sa Japan
hint-email = Hanggang 60 one-byte na character. Tiyaking makakatanggap ka ng email mula sa system na ito.
hint-name-en = Sa malalaking titik ng alpabetong Ingles, gaya ng nasa iyong residence card (hanggang 104 na character).
hint-telephone = One-byte na numero, hanggang 12, walang gitling.
hint-password = { $min } hanggang { $max } na character, na may kahit isang malaking titik, isang maliit na titik, isang numero at isang simbolo ($ % & = @ _ # * + - ? !). Walang ibang character na maaaring gamitin.
hint-password-confirm = Pakilagay muli ang parehong password.
hint-postal-code = Pitong numero. Ilagay ang "0000000" kung hindi mo alam.
hint-address = Sa two-byte na character, hanggang 85.
user-type-organization-staff = 所属機関等の職員 (Kawani ng organisasyon)
user-type-legal-professional = 弁護士・行政書士 (Abogado / Administrative Scrivener)
user-type-foreign-national = 外国人本人 (Dayuhan mismo (aplikante))
user-type-legal-representative = 法定代理人等 (Legal na kinatawan)

register-explanation-title = Paliwanag tungkol sa Pagpaparehistro ng User
register-explanation-text = Kapag nairehistro mo na ang iyong impormasyon ng user, makakapag-log in ka bilang user sa mga susunod na proseso. Magagamit ang nairehistrong impormasyon sa bawat proseso, kaya mas madali ang paglalagay ng datos. Kung balak mong gamitin nang paulit-ulit ang serbisyong ito, inirerekomenda naming magparehistro ka.
register-explanation-agree = Sa pag-click sa button na Sumasang-ayon, sumasang-ayon ka sa mga tuntunin ng paggamit sa ibaba.
terms-title = Mga Tuntunin ng Paggamit
terms-1 = Pakibasa muna nang mabuti ang mga tuntuning ito bago gamitin. Para makapag-apply ng mga proseso ng paninirahan sa Director General ng isang Regional Immigration Services Bureau, at makapagbigay ng abiso sa Commissioner ng Immigration Services Agency, sa pamamagitan ng internet gamit ang system na ito, kailangan mong sumang-ayon sa mga tuntuning ito. Nakasaad ang mga tuntunin sa wikang Hapon; kapag may pagkakaiba ang salin at ang tekstong Hapon, ang tekstong Hapon ang masusunod.
terms-2 = 1. Oras ng paggamit: Sa prinsipyo, magagamit ang system nang 24 na oras bawat araw, 365 araw bawat taon. Kapag kailangan ng maintenance o katulad na gawain, maaaring ihinto ang operasyon nang walang paunang abiso sa mga user.
terms-3 = 2. Iyong mga pananagutan: Maglagay ng totoo at tamang impormasyon. Huwag ipaalam sa iba ang iyong User ID at password; ikaw ang mananagot sa anumang gawin gamit ang mga ito.
terms-4 = 3. Personal na impormasyon: Ang personal na impormasyong irerehistro mo ay gagamitin lamang para sa mga layuning administratibo kaugnay ng mga elektronikong aplikasyon at abiso.
register-email-title = Ilagay ang email address
register-email-intro = Ilagay nang dalawang beses ang iyong email address. Magpapadala roon ng email na may link para ituloy ang pagpaparehistro. Tiyaking makakatanggap ka ng email mula sa system na ito.
register-sent-title = Naipadala ang Email (Pagpaparehistro ng User)
register-sent-text = May naipadalang email sa address na inilagay mo. Buksan ang link sa email para ituloy ang iyong pagpaparehistro.
register-sent-hours = Magagamit ang link sa loob ng 24 na oras. Pagkatapos noon, pakiulit mula sa paglalagay ng iyong email address.
register-details-title = Pagpaparehistro ng User
register-details-intro = Ang nairehistrong personal na impormasyon ay gagamitin lamang para sa mga layuning administratibo kaugnay ng elektronikong aplikasyong ito.
register-confirm-title = Pagkumpirma ng Pagpaparehistro ng User
register-complete-title = Tapos na ang Pagpaparehistro ng User
register-complete-text = { $name }: nairehistro na ang iyong impormasyon ng user. Nasa ibaba ang iyong User ID, at ipinadala rin ito sa iyo sa email.
register-complete-screenshot = Paki-screenshot o isulat ang iyong User ID.
register-complete-not-applied = Hindi pa tapos ang aplikasyon. Kung nais mong mag-apply, mag-log in gamit ang nairehistrong User ID at tapusin ang iyong aplikasyon.

login-title = Pag-log in ng User
login-intro = Pakilagay ang ID na ibinigay noong pagpaparehistro ng impormasyon ng user at ang password na inirehistro mo.
login-forgot-id = Mag-click dito kung nakalimutan mo ang iyong User ID
login-forgot-password = Mag-click dito kung nakalimutan mo ang iyong password
login-lock-note = Kapag limang beses na magkakasunod kang naglagay ng maling password, mala-lock ang iyong account nang 24 na oras. Kapag nagtakda ka ng bagong password gamit ang "Mag-click dito kung nakalimutan mo ang iyong password", agad itong maa-unlock.
login-invalid = Hindi tama ang User ID o password. Pakisuri ang mga ito at subukang muli.
login-locked = Naka-lock ang account na ito dahil limang beses na magkakasunod na nailagay ang maling password. Maaalis ang lock 24 na oras matapos itong ma-lock. Para ma-unlock ito ngayon, magtakda ng bagong password gamit ang "Mag-click dito kung nakalimutan mo ang iyong password".
login-session-expired = Na-log out ka dahil walang aktibidad sa loob ng 3 oras. Pakilog in muli; babalik ka sa pahinang binubuksan mo kanina.
logout-title = Pagkumpirma ng Pag-log out
logout-question = Gusto mo bang mag-log out?
logged-out-title = Naka-log out ka na
logged-out-text = Naka-log out ka na sa system. Salamat sa paggamit nito.

forgot-id-title = Paglalagay ng Email Address (Abiso ng User ID)
forgot-id-intro = Pakilagay ang iyong nairehistrong email address at pangalan (sa letrang Ingles). Magpapadala ng email sa address na iyon.
forgot-id-sent-title = Naipadala ang Email (Abiso ng User ID)
forgot-id-sent-text = May naipadalang email sa address na inilagay mo. Kung may account na nakarehistro sa address at pangalang iyon, nakasulat sa email ang User ID nito.
forgot-password-title = Paglalagay ng User ID (Pag-reset ng Password)
forgot-password-intro = Pakilagay ang iyong User ID at nairehistrong email address. Magpapadala sa address na iyon ng email na may URL ng pahina para sa pag-reset ng password. Hindi binabasa ang mga sagot sa address na nagpadala.
forgot-password-sent-title = Naipadala ang Email (Pag-reset ng Password)
forgot-password-sent-text = May naipadalang email sa address na inilagay mo. Kung iisang account ang may-ari ng User ID at ng address, may link ang email para magtakda ng bagong password, na valid nang 24 na oras.
reset-title = Pag-reset ng Password
reset-intro = Pakilagay ang bagong password. Kapag itinakda ito, maa-unlock din ang iyong account kung naka-lock ito.
reset-done-title = Na-reset na ang iyong password
reset-done-text = Naitakda na ang iyong bagong password, at na-unlock na ang iyong account. May naipadalang email na nagkukumpirma ng pagbabago. Pakilog in gamit ang bagong password.

mypage-title = My Page
mypage-applications = Pagsusuri ng nilalaman ng aplikasyon
mypage-applications-text = Maaari mong tingnan ang kalagayan ng iyong mga aplikasyon at abiso, at ang detalye ng mga nakaraan.
mypage-favorites = Mga Paboritong Proseso
mypage-favorites-text = Maaari mong buksan ang mga prosesong idinagdag mo sa Mga Paborito.
mypage-user-info = Tingnan ang Impormasyon ng User
mypage-user-info-text = Maaari mong tingnan ang iyong impormasyon ng user o palitan ang iyong email address, password o iba pang impormasyon.
user-details-title = Detalye ng User
user-change-email = Palitan ang Email Address
user-change-password = Palitan ang Password
user-change-other = Palitan ang Ibang Impormasyon
email-change-title = Paglalagay ng email address (Pagpapalit ng email address)
email-change-intro = Pakilagay ang bagong email address. Magpapadala roon ng email na may link; matatapos ang pagpapalit kapag binuksan mo ang link. Hanggang doon, ang kasalukuyang address mo pa rin ang gagamitin.
email-change-sent-title = Naipadala ang Email (Pagpapalit ng Email Address)
email-change-sent-text = May naipadalang email sa bagong address. Buksan ang link sa email para matapos ang pagpapalit. Magagamit ang link sa loob ng 24 na oras.
email-change-confirm-title = Kumpirmahin ang iyong bagong email address
email-change-confirm-text = Papalitan ang iyong email address ng { $email }. Pindutin ang button sa ibaba para matapos ang pagpapalit.
email-change-done-title = Napalitan na ang iyong email address
email-change-done-text = Tapos na ang pagpapalit ng iyong email address. May naipadalang abiso sa dati mong address.
password-change-title = Palitan ang Password
password-change-intro = Pakilagay ang iyong kasalukuyang password at ang bagong password.
password-change-done-title = Tapos na ang Pagbabago ng User
password-change-done-text = Napalitan na ang iyong password at may naipadalang email na nagkukumpirma ng pagbabago. Na-log out na ang ibang device kung saan ka naka-log in.
user-edit-title = Palitan ang Ibang Impormasyon
user-edit-intro = Palitan ang mga item sa ibaba at pindutin ang Magpatuloy sa Pagkumpirma.
user-edit-address-needs-rasens = Mapapalitan ang postal code at tirahan kapag naaprubahan na ang iyong Request for Use ng Online Residence Application System.
user-edit-confirm-title = Pagkumpirma ng Pagbabago ng User
user-edit-done-title = Tapos na ang Pagbabago ng User
user-edit-done-text = Napalitan na ang iyong impormasyon ng user at may naipadalang email na nagkukumpirma ng pagbabago.
postal-search = Hanapin ang Address gamit ang Postal Code
postal-not-found = Walang nahanap na address para sa postal code na ito. Pakisuri ito, o ilagay mo mismo ang address.
postal-choose = Maraming address ang gumagamit ng postal code na ito. Pakipili ang sa iyo.

drafts-title = Mga naka-save na inilagay
drafts-intro = Tuwing pinipindot mo ang "Magpatuloy sa Pagkumpirma", naitatago rito ang iyong mga inilagay, kaya walang mawawala kahit isara mo ang pahina. Binubura ang mga ito { $days } araw matapos ang huling pagbabago; makakatanggap ka ng email isang linggo bago iyon.
drafts-none = Walang naka-save na inilagay.
drafts-saved = Na-save
drafts-expires = Buburahin sa
drafts-delete = Burahin
mypage-drafts-text = Ituloy ang mga prosesong sinimulan mo.

## Kasarian at petsa ng kapanganakan sa pahina ng impormasyon ng user, mula sa My Number Card.
user-sex-male = Lalaki
user-sex-female = Babae
user-sex-unknown = Hindi alam
user-date-full = { $month ->
     [1] Enero
     [2] Pebrero
     [3] Marso
     [4] Abril
     [5] Mayo
     [6] Hunyo
     [7] Hulyo
     [8] Agosto
     [9] Setyembre
     [10] Oktubre
     [11] Nobyembre
    *[12] Disyembre
    } { $day }, { $year }
user-date-year-month = { $month ->
     [1] Enero
     [2] Pebrero
     [3] Marso
     [4] Abril
     [5] Mayo
     [6] Hunyo
     [7] Hulyo
     [8] Agosto
     [9] Setyembre
     [10] Oktubre
     [11] Nobyembre
    *[12] Disyembre
    } { $year }
