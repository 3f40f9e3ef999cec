# tl — Mga attachment at pag-upload. Tagalog.

attach-none-yet = Wala pang nakalakip na file.
attach-choose = Pumili ng file
attach-button = Ilakip
attach-remove = Alisin
attach-done = Nailakip na ang file. Tingnan ang listahan sa ibaba.
attach-removed = Naalis na ang file.
attach-usage = Aplikasyong ito: { $count } sa { $max } na file, { $size } sa { $limit }.
attach-rules-photo = Isang JPEG na larawan (.jpg o .jpeg) na hindi hihigit sa { $size }, patayo, 4:3 ang taas sa lapad (halimbawa 300 × 400 pixels; tinatanggap ang hanggang { $tolerance } % na diperensiya).
attach-rules-pdf = PDF file lamang, hanggang { $max } dito. Hindi maaaring ilakip ang mga PDF na may security settings (password, o limitasyon sa pag-print o pagkopya) at ang mga PDF na hindi sumusunod sa ISO 32000-1.
attach-details-title = Litrato ng mukha at mga attachment
attach-details-hint = I-save muna sa iyong computer ang bawat file bago ito buksan.

attach-err-empty = Walang laman ang “{ $file }”. Piliin muli ang file.
attach-err-not-pdf = Hindi PDF file ang “{ $file }”. PDF file lamang ang tinatanggap ng { $field }.
attach-err-jpeg-not-pdf = Ang “{ $file }” ay JPEG na larawan, hindi PDF file. PDF file lamang ang tinatanggap ng { $field }; i-save ang dokumento bilang PDF at ilakip itong muli.
attach-err-not-jpeg = Hindi JPEG na larawan ang “{ $file }”. JPEG na larawan (.jpg o .jpeg) lamang ang tinatanggap ng { $field }.
attach-err-pdf-not-jpeg = Ang “{ $file }” ay PDF file, hindi JPEG na larawan. JPEG na larawan (.jpg o .jpeg) lamang ang tinatanggap ng { $field }.
attach-err-not-pdf-or-jpeg = Ang “{ $file }” ay hindi PDF file at hindi rin JPEG na larawan. Ang mga ito lamang ang tinatanggap ng { $field }.
attach-err-photo-too-large = Mas malaki sa 5 MB ang “{ $file }”. I-save ang litrato sa mas maliit na sukat at ilakip itong muli.
attach-err-over-total = Hindi nailakip ang “{ $file }”: hanggang 25 MB lamang ang kabuuang laki ng mga file ng isang aplikasyon. Mag-alis ng file o maglakip ng mas maliit.
attach-err-pdf-encrypted = May security settings ang “{ $file }” (password, o limitasyon sa pag-print o pagkopya). I-save itong muli nang walang security settings at ilakip itong muli.
attach-err-pdf-invalid = Hindi mabasa ang “{ $file }” bilang PDF na sumusunod sa ISO 32000-1 (PDF 1.0 hanggang 1.7). Maaaring sira ito o kulang; i-save itong muli bilang PDF at ilakip itong muli.
attach-err-jpeg-invalid = Hindi mabasa ang “{ $file }” bilang JPEG na larawan. Maaaring sira ito o kulang.
attach-err-photo-pixels = Masyadong marami ang pixels ng “{ $file }” para sa litrato ng mukha. I-save ito sa mas maliit na sukat at ilakip itong muli.
attach-err-photo-aspect = Ang “{ $file }” ay { $width } × { $height } pixels. Ang litrato ng mukha ay dapat patayo at 4:3 ang taas sa lapad (halimbawa 300 × 400 pixels).
attach-err-slot-full = Hindi nailakip ang “{ $file }”: hanggang { $max } na file lamang ang maaari sa { $field }. Mag-alis muna ng isa.
attach-err-too-many = Hindi nailakip ang “{ $file }”: hanggang 20 file lamang ang maaari sa isang aplikasyon, kasama ang litrato ng mukha.
attach-err-request-too-large = Masyadong malaki ang mga file na sabay-sabay na ipinadala (higit sa 25 MB), kaya walang nailakip sa mga ito. Ilakip ang mga ito nang paunti-unti.
attach-err-none-chosen = Pumili ng file para sa { $field }, saka pindutin ang Ilakip.
attach-err-not-yours = May file na nakalista sa { $field } na hindi mo in-upload para sa aplikasyong ito, kaya inalis ito sa listahan. Ilakip muli ang sarili mong file.
attach-err-over-limits = Lumampas sa 20 file o 25 MB sa kabuuan ang mga file ng aplikasyong ito. Mag-alis ng mga file hanggang magkasya ang mga ito.
