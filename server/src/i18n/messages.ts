// Messages the server sends to people (errors, import reports), Vietnamese first.
// The web app shows `message` as sent; `code` lets it pick its own wording.

const vi = {
  'common.notFound': 'Không tìm thấy dữ liệu yêu cầu.',
  'common.internal': 'Lỗi hệ thống. Vui lòng thử lại; nếu vẫn lỗi, báo quản trị viên (mã lỗi {{id}}).',
  'common.validation': 'Dữ liệu gửi lên không hợp lệ: {{details}}',
  'common.tooLarge': 'Tệp quá lớn (tối đa {{max}} MB).',
  'common.fileRequired': 'Chưa chọn tệp để nhập.',
  'auth.required': 'Bạn chưa đăng nhập hoặc phiên làm việc đã hết hạn.',
  'auth.forbidden': 'Bạn không có quyền thực hiện thao tác này.',
  'auth.outOfScope': 'Bạn không có quyền truy cập dữ liệu của đơn vị này.',
  'auth.csrf': 'Yêu cầu bị từ chối vì thiếu mã bảo vệ (CSRF). Hãy tải lại trang rồi thử lại.',
  'auth.badCredentials': 'Tên đăng nhập hoặc mật khẩu không đúng.',
  'auth.rateLimited': 'Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau {{minutes}} phút.',
  'auth.wrongCurrentPassword': 'Mật khẩu hiện tại không đúng.',
  'auth.weakPassword': 'Mật khẩu mới phải có ít nhất 8 ký tự và khác tên đăng nhập.',
  'setup.done': 'Hệ thống đã được khởi tạo; không thể tạo lại quản trị viên đầu tiên.',
  'units.codeTaken': 'Mã đơn vị "{{code}}" đã được dùng.',
  'units.parentRequired': 'Đơn vị cấp {{level}} phải có đơn vị cấp trên.',
  'units.badParentLevel': 'Đơn vị cấp {{level}} không thể trực thuộc đơn vị cấp {{parentLevel}}.',
  'units.rootNotAllowed':
    'Đơn vị phải có đơn vị cấp trên; đơn vị cấp cao nhất chỉ được tạo khi khởi tạo hệ thống.',
  'units.moveIntoSelf': 'Không thể chuyển đơn vị vào chính nó hoặc đơn vị trực thuộc nó.',
  'units.hasActiveChildren':
    'Đơn vị còn {{count}} đơn vị trực thuộc đang hoạt động; hãy ngừng hoạt động các đơn vị đó trước.',
  'units.parentInactive': 'Đơn vị cấp trên đang ngừng hoạt động.',
  'units.ownUnit': 'Không thể ngừng hoạt động hoặc chuyển đơn vị của chính bạn.',
  'users.usernameTaken': 'Tên đăng nhập "{{username}}" đã được dùng.',
  'users.self': 'Không thể tự khoá tài khoản hoặc bỏ quyền quản trị của chính mình.',
  'users.unitInactive': 'Đơn vị đã ngừng hoạt động; không thể gán người dùng vào đơn vị này.',
  'frameworks.levelNotBelow': 'Bộ chỉ số phải dành cho cấp đơn vị thấp hơn cấp của đơn vị ban hành.',
  'frameworks.published':
    'Bộ chỉ số đã ban hành thì không sửa hay xoá được; hãy sao chép thành bản nháp mới.',
  'frameworks.invalid': 'Bộ chỉ số còn {{count}} lỗi; sửa hết rồi mới ban hành được.',
  'files.empty': 'Tệp tải lên rỗng.',
  'files.badType':
    'Chỉ nhận tài liệu kiểm chứng dạng PDF, JPEG, PNG, Word (.docx) hoặc Excel (.xlsx); nội dung tệp này không thuộc loại nào trong số đó.',
  'plans.ownUnitOnly': 'Chỉ cán bộ, công chức của chính đơn vị mới được thay đổi kế hoạch của đơn vị.',
  'plans.exists': 'Đơn vị đã có kế hoạch CCHC năm {{year}}.',
  'plans.alreadyIssued': 'Kế hoạch đã được ban hành; muốn thay đổi hãy sửa đổi, bổ sung có ghi lý do.',
  'plans.reasonRequired': 'Kế hoạch đã ban hành: phải ghi lý do sửa đổi, bổ sung.',
  'plans.incomplete': 'Chưa thể ban hành kế hoạch: còn thiếu {{missing}}.',
  'plans.areaInUse': 'Không thể bỏ lĩnh vực “{{name}}”: còn {{count}} nhiệm vụ thuộc lĩnh vực này.',
  'plans.invalidField': '{{field}}: {{reason}}',
  'projection.noFramework': 'Chưa có bộ chỉ số đã ban hành áp dụng cho đơn vị này năm {{year}}.',
  'projection.unknownBand': 'Bộ chỉ số không có mức xếp loại "{{band}}".',
  'projection.badIndex': 'Chỉ số mục tiêu "{{index}}" không phải là số.',
  'apology.badDate': 'Ngày hẹn trả mới "{{date}}" không hợp lệ; nhập theo dạng dd/mm/yyyy.',
  'apology.reasonRequired': 'Cần ghi lý do chậm trễ (ít nhất 5 ký tự).',
  'apology.noDossier': 'Không tìm thấy hồ sơ mã "{{code}}" trong sổ của đơn vị.',
  'apology.already': 'Hồ sơ {{code}} đã có thư xin lỗi ngày {{date}}; không lập thư thứ hai.',
  'apology.onTime':
    'Hồ sơ {{code}} đã có kết quả đúng hạn (hẹn trả {{due}}), không trễ hẹn nên không lập thư xin lỗi.',
  'apology.notDue':
    'Hồ sơ {{code}} hẹn trả ngày {{due}}: chưa trễ hẹn và chưa đến hạn trong 2 ngày làm việc tới, nên chưa lập thư xin lỗi.',
  'apology.newDateNotAfterDue': 'Ngày hẹn trả mới ({{date}}) phải sau ngày hẹn trả cũ ({{due}}).',
  'apology.newDatePast':
    'Ngày hẹn trả mới ({{date}}) không được trước hôm nay ({{today}}) khi hồ sơ chưa có kết quả.',
  'import.refused':
    'Tệp có {{count}} dòng lỗi; chưa có dữ liệu nào được lưu. Sửa các dòng dưới đây rồi nhập lại.',
  'import.badFormat': 'Không đọc được tệp: chỉ nhận .xlsx hoặc .csv (UTF-8).',
  'import.empty': 'Tệp không có dòng dữ liệu nào.',
  'import.refusedMany':
    'Tệp có {{count}} dòng lỗi; chưa có dữ liệu nào được lưu. Dưới đây là {{listed}} lỗi đầu tiên: sửa rồi nhập lại.',
  'auth.badToken': 'Mã truy cập API không đúng, đã bị thu hồi, hoặc đơn vị của mã đã ngừng hoạt động.',
  'auth.tokenNotAllowed':
    'Mã truy cập API chỉ dùng được để ghi sổ theo dõi của đơn vị mình (nhập tệp, cập nhật hồ sơ); thao tác này cần đăng nhập.',
  'registers.invalid': 'Dữ liệu chưa hợp lệ: {{details}}',
  'registers.keyTaken': 'Đã có bản ghi cùng {{fields}} trong sổ của đơn vị.',
  'registers.badPeriod': 'Kỳ không hợp lệ: {{details}}',
  'registers.kpiOfOtherRegister': 'Chỉ tiêu {{kpi}} không tính từ sổ này.',
  'registers.periodRequired': 'Cần cả ngày bắt đầu (from) và ngày kết thúc (to) của kỳ.',
  'registers.sampleNotFound': 'Không có tệp mẫu này.',
  'registers.officialHasDecisions':
    'Cán bộ này còn {{count}} quyết định kỷ luật trong sổ; xoá các quyết định đó trước.',
  'assessments.frameworkNotPublished': 'Chỉ mở đợt đánh giá với bộ chỉ số đã ban hành.',
  'assessments.frameworkNotApplicable':
    'Bộ chỉ số này không áp dụng cho các đơn vị do đơn vị được chọn thẩm định (khác cấp hoặc do đơn vị khác ban hành).',
  'assessments.roundExists': 'Đơn vị đã mở đợt đánh giá cấp {{level}} năm {{year}}.',
  'assessments.noUnits': 'Không có đơn vị nào thuộc diện đánh giá của đợt này.',
  'assessments.badUnits': 'Đơn vị {{units}} không thuộc diện thẩm định của đơn vị này ở cấp của bộ chỉ số.',
  'assessments.badDates': 'Thời hạn không hợp lệ: {{details}}',
  'assessments.notCriterion': 'Mã {{code}} không phải là tiêu chí được chấm điểm của bộ chỉ số.',
  'assessments.invalidValue': 'Giá trị không hợp lệ: {{details}}',
  'assessments.overrideReasonRequired':
    'Tiêu chí {{code}} đã được điền tự động từ sổ theo dõi; muốn sửa giá trị phải ghi lý do.',
  'assessments.reasonRequired': 'Điểm thẩm định khác điểm tự đánh giá: phải ghi lý do.',
  'assessments.answerReasonRequired': 'Phải ghi lý do khi không chấp nhận giải trình.',
  'assessments.pointsRequired': 'Chấp nhận giải trình thì phải cho điểm mới.',
  'assessments.forbidden': 'Bạn không có quyền thực hiện thao tác này với phiếu đánh giá.',
  'assessments.wrongState':
    'Phiếu đánh giá đang ở trạng thái "{{state}}": không thực hiện được thao tác này.',
  'assessments.late': 'Đã quá hạn nộp tự đánh giá ({{due}}); cần cơ quan thẩm định mở lại phiếu để nộp muộn.',
  'assessments.incomplete':
    'Chưa nộp được: còn {{count}} tiêu chí thiếu điểm, tài liệu kiểm chứng hoặc lý do (xem từng tiêu chí).',
  'assessments.unappraised': 'Còn {{count}} tiêu chí chưa được thẩm định.',
  'assessments.openReturns': 'Còn tiêu chí đã trả lại để bổ sung tài liệu mà đơn vị chưa trả lời.',
  'assessments.windowNotOpen': 'Chưa đến thời gian giải trình (từ {{from}}).',
  'assessments.windowClosed': 'Đã hết thời gian giải trình.',
  'assessments.pendingExplanations': 'Còn giải trình chưa được trả lời: {{units}}.',
  'assessments.notReturned': 'Tiêu chí {{code}} không bị trả lại để bổ sung.',
  'assessments.notContested': 'Tiêu chí {{code}} không có giải trình chờ trả lời.',
  'assessments.alreadyContested': 'Tiêu chí {{code}} đã được giải trình.',
  'assessments.notAllFinal':
    'Chưa công bố được: {{count}} đơn vị chưa có kết quả chính thức (xem từng đơn vị). Thứ hạng chỉ tính trên cả đợt.',
  'assessments.notPublished': 'Kết quả của đợt đánh giá chưa được công bố.',
  'assessments.fileNotOfUnit': 'Tài liệu này không thuộc đơn vị được đánh giá.',
  'assessments.nothingChanged': 'Không có thay đổi nào so với kết quả đã công bố.',
} as const;

export type MessageKey = keyof typeof vi;
export type MessageParams = Record<string, string | number>;

const en: Record<MessageKey, string> = {
  'common.notFound': 'The requested data was not found.',
  'common.internal':
    'System error. Please try again; if it persists, tell the administrator (error id {{id}}).',
  'common.validation': 'The submitted data is not valid: {{details}}',
  'common.tooLarge': 'The file is too large (at most {{max}} MB).',
  'common.fileRequired': 'No file was chosen for import.',
  'auth.required': 'You are not signed in, or your session has expired.',
  'auth.forbidden': 'You are not allowed to do this.',
  'auth.outOfScope': 'You may not access the data of this unit.',
  'auth.csrf': 'Request refused: the CSRF protection token is missing. Reload the page and try again.',
  'auth.badCredentials': 'Wrong username or password.',
  'auth.rateLimited': 'Too many failed sign-ins. Try again in {{minutes}} minutes.',
  'auth.wrongCurrentPassword': 'The current password is wrong.',
  'auth.weakPassword': 'The new password needs at least 8 characters and must differ from the username.',
  'setup.done': 'The system is already set up; the first administrator cannot be created again.',
  'units.codeTaken': 'Unit code "{{code}}" is already in use.',
  'units.parentRequired': 'A {{level}} unit needs a parent unit.',
  'units.badParentLevel': 'A {{level}} unit cannot sit under a {{parentLevel}} unit.',
  'units.rootNotAllowed':
    'A unit needs a parent; the top unit is created only when the system is first set up.',
  'units.moveIntoSelf': 'A unit cannot be moved into itself or a unit below it.',
  'units.hasActiveChildren': 'The unit still has {{count}} active units below it; deactivate them first.',
  'units.parentInactive': 'The parent unit is inactive.',
  'units.ownUnit': 'You cannot deactivate or move your own unit.',
  'users.usernameTaken': 'Username "{{username}}" is already in use.',
  'users.self': 'You cannot deactivate yourself or remove your own administrator role.',
  'users.unitInactive': 'The unit is inactive; users cannot be assigned to it.',
  'frameworks.levelNotBelow': 'A framework must be for a level below the level of the unit that issues it.',
  'frameworks.published': 'A published framework cannot be edited or deleted; copy it to a new draft.',
  'frameworks.invalid': 'The framework still has {{count}} errors; fix them all before publishing.',
  'files.empty': 'The uploaded file is empty.',
  'files.badType':
    'Evidence must be a PDF, JPEG, PNG, Word (.docx) or Excel (.xlsx) file; the content of this file is none of these.',
  'plans.ownUnitOnly': "Only the unit's own staff may change its plan.",
  'plans.exists': 'The unit already has a PAR plan for {{year}}.',
  'plans.alreadyIssued': 'The plan is already issued; change it through an amendment with a reason.',
  'plans.reasonRequired': 'The plan is issued: give the reason for the amendment.',
  'plans.incomplete': 'The plan cannot be issued yet: {{missing}} missing.',
  'plans.areaInUse': 'Cannot remove the area “{{name}}”: {{count}} tasks still belong to it.',
  'plans.invalidField': '{{field}}: {{reason}}',
  'projection.noFramework': 'No published framework applies to this unit in {{year}}.',
  'projection.unknownBand': 'The framework has no band "{{band}}".',
  'projection.badIndex': 'The target index "{{index}}" is not a number.',
  'apology.badDate': 'The new date "{{date}}" is not valid; enter it as dd/mm/yyyy.',
  'apology.reasonRequired': 'Give the reason for the delay (at least 5 characters).',
  'apology.noDossier': 'No dossier "{{code}}" in the unit\'s register.',
  'apology.already':
    'Dossier {{code}} already has an apology letter dated {{date}}; no second letter is made.',
  'apology.onTime':
    'Dossier {{code}} was resolved on time (due {{due}}): it is not late and needs no apology.',
  'apology.notDue':
    'Dossier {{code}} is due on {{due}}: not late and not due within the next 2 working days, so no apology yet.',
  'apology.newDateNotAfterDue': 'The new date ({{date}}) must be after the due date ({{due}}).',
  'apology.newDatePast':
    'The new date ({{date}}) cannot be before today ({{today}}) while the dossier is open.',
  'import.refused':
    'The file has {{count}} bad rows; nothing was saved. Fix the rows below and import again.',
  'import.badFormat': 'Cannot read the file: only .xlsx or .csv (UTF-8) are accepted.',
  'import.empty': 'The file has no data rows.',
  'import.refusedMany':
    'The file has {{count}} bad rows; nothing was saved. Here are the first {{listed}} errors: fix them and import again.',
  'auth.badToken': 'The API token is wrong or revoked, or its unit is inactive.',
  'auth.tokenNotAllowed':
    "An API token may only write its own unit's registers (file imports, dossier updates); this needs a signed-in user.",
  'registers.invalid': 'The data is not valid: {{details}}',
  'registers.keyTaken': "The unit's register already has a record with the same {{fields}}.",
  'registers.badPeriod': 'The period is not valid: {{details}}',
  'registers.kpiOfOtherRegister': 'KPI {{kpi}} is not computed from this register.',
  'registers.periodRequired': 'Both the first day (from) and the last day (to) of the period are needed.',
  'registers.sampleNotFound': 'There is no such sample file.',
  'registers.officialHasDecisions':
    'This official still has {{count}} discipline decisions in the register; delete those first.',
  'assessments.frameworkNotPublished': 'A round can only be opened with a published framework.',
  'assessments.frameworkNotApplicable':
    'This framework does not apply to the units the chosen unit appraises (another level, or issued by another unit).',
  'assessments.roundExists': 'The unit already opened a {{level}} round for {{year}}.',
  'assessments.noUnits': 'No unit falls under this round.',
  'assessments.badUnits': 'Unit(s) {{units}} are not appraised by this unit at the framework’s level.',
  'assessments.badDates': 'The deadlines are not valid: {{details}}',
  'assessments.notCriterion': '{{code}} is not a scored criterion of the framework.',
  'assessments.invalidValue': 'The value is not valid: {{details}}',
  'assessments.overrideReasonRequired':
    'Criterion {{code}} was filled from the registers; changing its value needs a reason.',
  'assessments.reasonRequired': 'The appraised points differ from the self-assessed points: give a reason.',
  'assessments.answerReasonRequired': 'Give a reason when rejecting an explanation.',
  'assessments.pointsRequired': 'Accepting an explanation needs the new points.',
  'assessments.forbidden': 'You are not allowed to do this on the assessment sheet.',
  'assessments.wrongState': 'The sheet is "{{state}}": this cannot be done now.',
  'assessments.late':
    'The self-assessment was due {{due}}; the appraiser must reopen the sheet for a late submission.',
  'assessments.incomplete':
    'Cannot submit yet: {{count}} criteria lack points, evidence or a reason (see each criterion).',
  'assessments.unappraised': '{{count}} criteria are not appraised yet.',
  'assessments.openReturns': 'Some criteria returned for more evidence are not answered yet.',
  'assessments.windowNotOpen': 'The explanation window opens on {{from}}.',
  'assessments.windowClosed': 'The explanation window is closed.',
  'assessments.pendingExplanations': 'Explanations still unanswered: {{units}}.',
  'assessments.notReturned': 'Criterion {{code}} was not returned for evidence.',
  'assessments.notContested': 'Criterion {{code}} has no explanation waiting for an answer.',
  'assessments.alreadyContested': 'Criterion {{code}} has already been contested.',
  'assessments.notAllFinal':
    'Cannot publish yet: {{count}} units have no final result (see each unit). Ranks are computed over the whole round only.',
  'assessments.notPublished': 'The results of this round are not published.',
  'assessments.fileNotOfUnit': 'This file does not belong to the assessed unit.',
  'assessments.nothingChanged': 'Nothing differs from the published results.',
};

export type Lang = 'vi' | 'en';
const catalogues: Record<Lang, Record<MessageKey, string>> = { vi, en };

export function translate(lang: Lang, key: MessageKey, params: MessageParams = {}): string {
  return catalogues[lang][key].replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(params[name] ?? ''));
}

/** Vietnamese unless the client asks for English first. */
export function langFromHeader(acceptLanguage: string | undefined): Lang {
  return acceptLanguage?.trim().toLowerCase().startsWith('en') ? 'en' : 'vi';
}
