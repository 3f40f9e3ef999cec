# ko — 첨부 파일 및 업로드

attach-none-yet = 아직 첨부된 파일이 없습니다.
attach-choose = 파일 선택
attach-button = 첨부
attach-remove = 삭제
attach-done = 파일을 첨부했습니다. 아래 목록을 확인해 주십시오.
attach-removed = 파일을 삭제했습니다.
attach-usage = 이 신청: 파일 { $count }/{ $max }개, { $size }/{ $limit }.
attach-rules-photo = { $size } 이하의 JPEG 이미지(.jpg 또는 .jpeg)로, 세로가 길고 세로:가로 비율이 4:3인 것을 첨부해 주십시오(예: 가로 300 × 세로 400픽셀. { $tolerance }%까지의 차이는 허용합니다).
attach-rules-pdf = PDF 파일만, 여기에는 { $max }개까지 첨부할 수 있습니다. 보안 설정(비밀번호, 인쇄나 복사 제한)이 있는 PDF와 ISO 32000-1을 준수하지 않는 PDF는 첨부할 수 없습니다.
attach-details-title = 얼굴 사진 및 첨부 파일
attach-details-hint = 파일은 컴퓨터에 저장한 후 열어 주십시오.

attach-err-empty = '{ $file }'은(는) 빈 파일입니다. 파일을 다시 선택해 주십시오.
attach-err-not-pdf = '{ $file }'은(는) PDF 파일이 아닙니다. { $field }에는 PDF 파일만 첨부할 수 있습니다.
attach-err-jpeg-not-pdf = '{ $file }'은(는) PDF 파일이 아니라 JPEG 이미지입니다. { $field }에는 PDF 파일만 첨부할 수 있습니다. 문서를 PDF로 다시 저장한 후 첨부해 주십시오.
attach-err-not-jpeg = '{ $file }'은(는) JPEG 이미지가 아닙니다. { $field }에는 JPEG 이미지(.jpg 또는 .jpeg)만 첨부할 수 있습니다.
attach-err-pdf-not-jpeg = '{ $file }'은(는) JPEG 이미지가 아니라 PDF 파일입니다. { $field }에는 JPEG 이미지(.jpg 또는 .jpeg)만 첨부할 수 있습니다.
attach-err-not-pdf-or-jpeg = '{ $file }'은(는) PDF 파일도 JPEG 이미지도 아닙니다. { $field }에는 이 두 형식만 첨부할 수 있습니다.
attach-err-photo-too-large = '{ $file }'은(는) 5MB를 넘습니다. 사진을 더 작은 크기로 다시 저장한 후 첨부해 주십시오.
attach-err-over-total = '{ $file }'은(는) 첨부되지 않았습니다. 신청 1건에 첨부할 수 있는 파일은 합계 25MB까지입니다. 파일을 삭제하시거나 더 작은 파일을 첨부해 주십시오.
attach-err-pdf-encrypted = '{ $file }'에는 보안 설정(비밀번호, 인쇄나 복사 제한)이 있습니다. 보안 설정을 해제하여 다시 저장한 후 첨부해 주십시오.
attach-err-pdf-invalid = '{ $file }'을(를) ISO 32000-1(PDF 1.0~1.7)을 준수하는 PDF로 읽을 수 없었습니다. 손상되었거나 불완전할 수 있습니다. PDF로 다시 저장한 후 첨부해 주십시오.
attach-err-jpeg-invalid = '{ $file }'을(를) JPEG 이미지로 읽을 수 없었습니다. 손상되었거나 불완전할 수 있습니다.
attach-err-photo-pixels = '{ $file }'은(는) 얼굴 사진으로는 화소 수가 너무 많습니다. 더 작은 크기로 다시 저장한 후 첨부해 주십시오.
attach-err-photo-aspect = '{ $file }'은(는) 가로 { $width } × 세로 { $height }픽셀입니다. 얼굴 사진은 세로가 길고 세로:가로 비율이 4:3이어야 합니다(예: 가로 300 × 세로 400픽셀).
attach-err-slot-full = '{ $file }'은(는) 첨부되지 않았습니다. { $field }에는 { $max }개까지 첨부할 수 있습니다. 먼저 파일을 삭제해 주십시오.
attach-err-too-many = '{ $file }'은(는) 첨부되지 않았습니다. 신청 1건에 첨부할 수 있는 파일은 얼굴 사진을 포함하여 20개까지입니다.
attach-err-request-too-large = 한 번에 보낸 파일이 너무 커서(25MB 초과) 하나도 첨부되지 않았습니다. 몇 개씩 나누어 첨부해 주십시오.
attach-err-none-chosen = { $field }의 파일을 선택한 후 '첨부'를 눌러 주십시오.
attach-err-not-yours = { $field }에 이 신청을 위해 본인이 업로드하지 않은 파일이 포함되어 있어 목록에서 제외했습니다. 본인의 파일을 다시 첨부해 주십시오.
attach-err-over-limits = 이 신청의 파일이 20개 또는 합계 25MB를 넘습니다. 한도 안에 들어올 때까지 파일을 삭제해 주십시오.
