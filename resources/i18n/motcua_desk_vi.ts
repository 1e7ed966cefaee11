<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN">
<context>
    <name>Actions</name>
    <message>
        <source>&amp;Intake</source>
        <translation>Tiếp &amp;nhận</translation>
    </message>
    <message>
        <source>Receive a dossier</source>
        <translation>Tiếp nhận hồ sơ</translation>
    </message>
    <message>
        <source>&amp;Dossiers</source>
        <translation>&amp;Hồ sơ</translation>
    </message>
    <message>
        <source>Find and list dossiers</source>
        <translation>Tìm kiếm và liệt kê hồ sơ</translation>
    </message>
    <message>
        <source>&amp;Handoff</source>
        <translation>&amp;Bàn giao</translation>
    </message>
    <message>
        <source>Hand dossiers to a department, or take results back</source>
        <translation>Bàn giao hồ sơ cho phòng ban, hoặc nhận kết quả về</translation>
    </message>
    <message>
        <source>&amp;Return results</source>
        <translation>&amp;Trả kết quả</translation>
    </message>
    <message>
        <source>Give the result to the citizen</source>
        <translation>Trả kết quả cho công dân</translation>
    </message>
    <message>
        <source>&amp;Ledgers and printing</source>
        <translation>&amp;Sổ &amp;&amp; in ấn</translation>
    </message>
    <message>
        <source>The dossier ledger and the daily handoff list</source>
        <translation>Sổ theo dõi hồ sơ và danh sách bàn giao trong ngày</translation>
    </message>
    <message>
        <source>S&amp;ettings</source>
        <translation>&amp;Cài đặt</translation>
    </message>
    <message>
        <source>Office hours, calendar, printers, officer, language</source>
        <translation>Giờ làm việc, lịch, máy in, cán bộ, ngôn ngữ</translation>
    </message>
    <message>
        <source>Re&amp;ports</source>
        <translation>Bá&amp;o cáo</translation>
    </message>
    <message>
        <source>The office&apos;s figures: Biểu 06, late dossiers, QĐ 766 indices</source>
        <translation>Số liệu của đơn vị: Biểu 06, hồ sơ quá hạn, chỉ số QĐ 766</translation>
    </message>
    <message>
        <source>&amp;Find a dossier</source>
        <translation>Tìm &amp;kiếm hồ sơ</translation>
    </message>
    <message>
        <source>Search by code, name, citizen ID or phone</source>
        <translation>Tìm theo mã, họ tên, số CCCD hoặc điện thoại</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>&amp;Quay lại</translation>
    </message>
    <message>
        <source>Back to the previous screen</source>
        <translation>Quay lại màn hình trước</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>&amp;Làm mới số liệu</translation>
    </message>
    <message>
        <source>Count today&apos;s work again</source>
        <translation>Đếm lại công việc hôm nay</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Phím tắt</translation>
    </message>
    <message>
        <source>All keyboard shortcuts</source>
        <translation>Tất cả phím tắt</translation>
    </message>
    <message>
        <source>S&amp;ync and sync exceptions…</source>
        <translation>Đồng &amp;bộ và ngoại lệ đồng bộ…</translation>
    </message>
    <message>
        <source>Where sync stands, and what two desks did to one dossier while offline</source>
        <translation>Tình trạng đồng bộ, và những việc hai bàn cùng làm trên một hồ sơ khi mất kết nối</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>Th&amp;oát</translation>
    </message>
    <message>
        <source>Close the program</source>
        <translation>Đóng chương trình</translation>
    </message>
    <message>
        <source>Sa&amp;ve and print the slip</source>
        <translation>&amp;Lưu và in phiếu hẹn</translation>
    </message>
    <message>
        <source>Receive the dossier, issue its code and print Form 01</source>
        <translation>Tiếp nhận hồ sơ, cấp mã và in Mẫu 01</translation>
    </message>
    <message>
        <source>Ask to &amp;supplement…</source>
        <translation>Yêu cầu bổ &amp;sung…</translation>
    </message>
    <message>
        <source>The dossier is incomplete: print Form 02</source>
        <translation>Hồ sơ chưa đầy đủ: in Mẫu 02</translation>
    </message>
    <message>
        <source>Ref&amp;use…</source>
        <translation>Từ c&amp;hối…</translation>
    </message>
    <message>
        <source>The dossier cannot be accepted: print Form 03</source>
        <translation>Hồ sơ không được tiếp nhận: in Mẫu 03</translation>
    </message>
    <message>
        <source>Cl&amp;ear the form</source>
        <translation>&amp;Xóa trắng biểu mẫu</translation>
    </message>
    <message>
        <source>Start again with an empty form</source>
        <translation>Làm lại với biểu mẫu trống</translation>
    </message>
    <message>
        <source>Han&amp;d off…</source>
        <translation>&amp;Bàn giao…</translation>
    </message>
    <message>
        <source>Hand the dossier to a department</source>
        <translation>Bàn giao hồ sơ cho phòng ban</translation>
    </message>
    <message>
        <source>Result &amp;received…</source>
        <translation>Nhận &amp;kết quả…</translation>
    </message>
    <message>
        <source>The department brought the result back</source>
        <translation>Phòng ban đã chuyển kết quả về</translation>
    </message>
    <message>
        <source>Ask the applicant for missing papers (Form 02)</source>
        <translation>Yêu cầu người nộp bổ sung giấy tờ (Mẫu 02)</translation>
    </message>
    <message>
        <source>Supplement rec&amp;eived</source>
        <translation>Nhận bổ s&amp;ung</translation>
    </message>
    <message>
        <source>The completed dossier is back: the clock restarts</source>
        <translation>Hồ sơ đã được bổ sung đầy đủ: tính lại thời hạn</translation>
    </message>
    <message>
        <source>Refuse the dossier (Form 03)</source>
        <translation>Từ chối hồ sơ (Mẫu 03)</translation>
    </message>
    <message>
        <source>&amp;Apology, new date…</source>
        <translation>&amp;Xin lỗi, hẹn lại…</translation>
    </message>
    <message>
        <source>Apologise and set a new return date, once (Form 04)</source>
        <translation>Xin lỗi và hẹn lại ngày trả, chỉ một lần (Mẫu 04)</translation>
    </message>
    <message>
        <source>Re&amp;turn result…</source>
        <translation>T&amp;rả kết quả…</translation>
    </message>
    <message>
        <source>St&amp;op…</source>
        <translation>&amp;Dừng giải quyết…</translation>
    </message>
    <message>
        <source>Stop at the applicant&apos;s request (Form 05)</source>
        <translation>Dừng giải quyết theo đề nghị của người nộp (Mẫu 05)</translation>
    </message>
    <message>
        <source>&amp;Note…</source>
        <translation>Thê&amp;m ghi chú…</translation>
    </message>
    <message>
        <source>Add a note to the dossier</source>
        <translation>Thêm ghi chú vào hồ sơ</translation>
    </message>
    <message>
        <source>&amp;Void…</source>
        <translation>Hủ&amp;y hồ sơ…</translation>
    </message>
    <message>
        <source>Void a dossier entered by mistake</source>
        <translation>Hủy hồ sơ nhập nhầm</translation>
    </message>
    <message>
        <source>&amp;Print again…</source>
        <translation>In &amp;lại phiếu…</translation>
    </message>
    <message>
        <source>Print one of the dossier&apos;s forms</source>
        <translation>In một phiếu của hồ sơ</translation>
    </message>
    <message>
        <source>Fee, e-re&amp;ceipt…</source>
        <translation>&amp;Thu phí…</translation>
    </message>
    <message>
        <source>Record a fee paid after intake, or the e-receipt&apos;s lookup code</source>
        <translation>Ghi nhận phí, lệ phí nộp sau khi tiếp nhận, hoặc mã tra cứu biên lai điện tử</translation>
    </message>
    <message>
        <source>In a dialog: confirm (in a reason box Enter writes a new line)</source>
        <translation>Trong hộp thoại: xác nhận (trong ô lý do, Enter để xuống dòng)</translation>
    </message>
    <message>
        <source>Handoff: confirm the list</source>
        <translation>Bàn giao: xác nhận danh sách</translation>
    </message>
    <message>
        <source>Handoff: remove the selected dossier from the list</source>
        <translation>Bàn giao: bỏ hồ sơ đang chọn khỏi danh sách</translation>
    </message>
    <message>
        <source>Print preview: choose the printer and print</source>
        <translation>Xem trước bản in: chọn máy in và in</translation>
    </message>
</context>
<context>
    <name>Bieu06Model</name>
    <message>
        <source>Department, procedure</source>
        <translation>Cơ quan, đơn vị; thủ tục</translation>
    </message>
    <message>
        <source>Field, procedure</source>
        <translation>Lĩnh vực, thủ tục</translation>
    </message>
    <message>
        <source>(beside the form)</source>
        <translation>(ngoài biểu)</translation>
    </message>
</context>
<context>
    <name>CitizenRatingWindow</name>
    <message>
        <source>Your satisfaction</source>
        <translation>Mức độ hài lòng</translation>
    </message>
    <message>
        <source>Close this window</source>
        <translation>Đóng cửa sổ này</translation>
    </message>
    <message>
        <source>How satisfied are you with how your dossier was handled?</source>
        <translation>Ông/bà có hài lòng với việc giải quyết hồ sơ không?</translation>
    </message>
    <message>
        <source>Very satisfied</source>
        <translation>Rất hài lòng</translation>
    </message>
    <message>
        <source>Satisfied</source>
        <translation>Hài lòng</translation>
    </message>
    <message>
        <source>Not satisfied</source>
        <translation>Không hài lòng</translation>
    </message>
    <message>
        <source>Please tell us why:</source>
        <translation>Xin ông/bà cho biết lý do:</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Gửi</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>Bỏ qua</translation>
    </message>
    <message>
        <source>Dossier {code}</source>
        <translation>Hồ sơ {code}</translation>
    </message>
    <message>
        <source>Thank you!</source>
        <translation>Xin cảm ơn ông/bà!</translation>
    </message>
    <message>
        <source>Welcome</source>
        <translation>Kính chào ông/bà</translation>
    </message>
</context>
<context>
    <name>DocumentPickDialog</name>
    <message>
        <source>Ask to supplement</source>
        <translation>Yêu cầu bổ sung</translation>
    </message>
    <message>
        <source>&amp;Ask and print</source>
        <translation>&amp;Yêu cầu và in phiếu</translation>
    </message>
    <message>
        <source>Tick what the applicant must bring, then write why.</source>
        <translation>Đánh dấu giấy tờ người nộp cần mang đến, rồi ghi lý do.</translation>
    </message>
    <message>
        <source>&amp;Missing documents:</source>
        <translation>&amp;Giấy tờ còn thiếu:</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Lý do:</translation>
    </message>
    <message>
        <source>Tick at least one document.</source>
        <translation>Hãy đánh dấu ít nhất một giấy tờ.</translation>
    </message>
    <message>
        <source>Write the reason: it is printed on the form.</source>
        <translation>Hãy ghi lý do: lý do được in trên phiếu.</translation>
    </message>
</context>
<context>
    <name>DossierActions</name>
    <message>
        <source>{code} handed off.</source>
        <translation>Đã bàn giao {code}.</translation>
    </message>
    <message>
        <source>{code}: result received.</source>
        <translation>{code}: đã nhận kết quả.</translation>
    </message>
    <message>
        <source>Supplement received</source>
        <translation>Nhận bổ sung</translation>
    </message>
    <message>
        <source>The applicant brought the missing documents: the processing time starts again from now.</source>
        <translation>Người nộp đã mang đủ giấy tờ bổ sung: thời hạn giải quyết được tính lại từ bây giờ.</translation>
    </message>
    <message>
        <source>&amp;Record</source>
        <translation>&amp;Ghi nhận</translation>
    </message>
    <message>
        <source>{code}: supplement received, new return date set.</source>
        <translation>{code}: đã nhận bổ sung, ngày hẹn trả được tính lại.</translation>
    </message>
    <message>
        <source>Refuse the dossier</source>
        <translation>Từ chối hồ sơ</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Lý do:</translation>
    </message>
    <message>
        <source>Re&amp;fuse and print</source>
        <translation>&amp;Từ chối và in phiếu</translation>
    </message>
    <message>
        <source>{code}: result returned.</source>
        <translation>{code}: đã trả kết quả.</translation>
    </message>
    <message>
        <source>Stop at the applicant&apos;s request</source>
        <translation>Dừng giải quyết theo đề nghị của người nộp</translation>
    </message>
    <message>
        <source>&amp;Stop and print</source>
        <translation>&amp;Dừng và in thông báo</translation>
    </message>
    <message>
        <source>At the applicant&apos;s request</source>
        <translation>Theo đề nghị của người nộp hồ sơ</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>&amp;Ghi chú:</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Lưu</translation>
    </message>
    <message>
        <source>Void the dossier</source>
        <translation>Hủy hồ sơ</translation>
    </message>
    <message>
        <source>&amp;Void</source>
        <translation>&amp;Hủy hồ sơ</translation>
    </message>
    <message>
        <source>Only for a dossier entered by mistake. The code is not given again; the dossier stays in the ledger as void.</source>
        <translation>Chỉ dùng cho hồ sơ nhập nhầm. Mã hồ sơ không được cấp lại; hồ sơ vẫn nằm trong sổ với trạng thái đã hủy.</translation>
    </message>
    <message>
        <source>{code} voided.</source>
        <translation>Đã hủy {code}.</translation>
    </message>
    <message>
        <source>{code}: fee recorded.</source>
        <translation>{code}: đã ghi nhận phí, lệ phí.</translation>
    </message>
    <message>
        <source>none (free)</source>
        <translation>không thu (miễn phí)</translation>
    </message>
    <message>
        <source>{code}: no form applies to this dossier.</source>
        <translation>{code}: không có mẫu phiếu nào áp dụng cho hồ sơ này.</translation>
    </message>
</context>
<context>
    <name>DossierForm</name>
    <message>
        <source>← Back</source>
        <translation>← Quay lại</translation>
    </message>
    <message>
        <source>Dossier</source>
        <translation>Hồ sơ</translation>
    </message>
    <message>
        <source>Procedure:</source>
        <translation>Thủ tục:</translation>
    </message>
    <message>
        <source>Field:</source>
        <translation>Lĩnh vực:</translation>
    </message>
    <message>
        <source>Lead department:</source>
        <translation>Phòng ban chủ trì:</translation>
    </message>
    <message>
        <source>Statutory time:</source>
        <translation>Thời hạn giải quyết:</translation>
    </message>
    <message>
        <source>Applicant:</source>
        <translation>Người nộp:</translation>
    </message>
    <message>
        <source>Citizen ID:</source>
        <translation>Số CCCD:</translation>
    </message>
    <message>
        <source>Date of birth:</source>
        <translation>Ngày sinh:</translation>
    </message>
    <message>
        <source>Sex:</source>
        <translation>Giới tính:</translation>
    </message>
    <message>
        <source>Phone:</source>
        <translation>Điện thoại:</translation>
    </message>
    <message>
        <source>Address:</source>
        <translation>Địa chỉ:</translation>
    </message>
    <message>
        <source>E-mail:</source>
        <translation>Thư điện tử:</translation>
    </message>
    <message>
        <source>Sets:</source>
        <translation>Số bộ:</translation>
    </message>
    <message>
        <source>Submitted:</source>
        <translation>Hình thức nộp:</translation>
    </message>
    <message>
        <source>Result collected:</source>
        <translation>Nơi nhận kết quả:</translation>
    </message>
    <message>
        <source>Received:</source>
        <translation>Tiếp nhận lúc:</translation>
    </message>
    <message>
        <source>Received by:</source>
        <translation>Người tiếp nhận:</translation>
    </message>
    <message>
        <source>Return at:</source>
        <translation>Hẹn trả:</translation>
    </message>
    <message>
        <source>First return date:</source>
        <translation>Ngày hẹn trả ban đầu:</translation>
    </message>
    <message>
        <source>Now at:</source>
        <translation>Đang ở:</translation>
    </message>
    <message>
        <source>Ledger:</source>
        <translation>Sổ theo dõi:</translation>
    </message>
    <message>
        <source>Supplement requests:</source>
        <translation>Số lần yêu cầu bổ sung:</translation>
    </message>
    <message>
        <source>Returned:</source>
        <translation>Đã trả:</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>Lý do:</translation>
    </message>
    <message>
        <source>Printed:</source>
        <translation>Đã in:</translation>
    </message>
    <message>
        <source>Satisfaction:</source>
        <translation>Mức độ hài lòng:</translation>
    </message>
    <message>
        <source>Queue ticket:</source>
        <translation>Số phiếu xếp hàng:</translation>
    </message>
    <message>
        <source>Fee collected:</source>
        <translation>Phí, lệ phí đã thu:</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Quá trình xử lý</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Thời điểm</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Nội dung</translation>
    </message>
    <message>
        <source>From → to</source>
        <translation>Từ → đến</translation>
    </message>
    <message>
        <source>Given / taken by</source>
        <translation>Người giao / người nhận</translation>
    </message>
    <message>
        <source>On time?</source>
        <translation>Tiến độ</translation>
    </message>
    <message>
        <source>Officer</source>
        <translation>Cán bộ</translation>
    </message>
    <message>
        <source>Documents handed in</source>
        <translation>Thành phần hồ sơ đã nộp</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Giấy tờ</translation>
    </message>
    <message>
        <source>Form</source>
        <translation>Hình thức</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>Số lượng</translation>
    </message>
    <message>
        <source>Digitised papers</source>
        <translation>Giấy tờ số hóa</translation>
    </message>
    <message>
        <source>Scan a dossier&apos;s barcode, or find it under Dossiers (F3).</source>
        <translation>Quét mã vạch trên phiếu hẹn, hoặc tìm hồ sơ ở mục Hồ sơ (F3).</translation>
    </message>
</context>
<context>
    <name>DossierPage</name>
    <message>
        <source>Return at {due}</source>
        <translation>Hẹn trả: {due}</translation>
    </message>
    <message>
        <source>{unit} since {since}</source>
        <translation>{unit} từ {since}</translation>
    </message>
    <message>
        <source>Book {book}, no. {number}</source>
        <translation>Quyển {book}, số {number}</translation>
    </message>
    <message>
        <source>{when} to {who} ({how})</source>
        <translation>{when} cho {who} ({how})</translation>
    </message>
    <message>
        <source>{rating} — {reason}</source>
        <translation>{rating} — {reason}</translation>
    </message>
    <message>
        <source>{amount} ({method}, {when})</source>
        <translation>{amount} ({method}, {when})</translation>
    </message>
    <message>
        <source>e-receipt {ref}</source>
        <translation>biên lai điện tử {ref}</translation>
    </message>
    <message>
        <source>(not applied: it conflicts with another desk&apos;s action)</source>
        <translation>(không áp dụng: xung đột với thao tác của bàn khác)</translation>
    </message>
    <message>
        <source>Sync exception: this action reached this desk after a conflicting one and was not applied.</source>
        <translation>Ngoại lệ đồng bộ: thao tác này đến sau một thao tác xung đột với nó nên không được áp dụng.</translation>
    </message>
    <message>
        <source>Deadline: {when}</source>
        <translation>Thời hạn: {when}</translation>
    </message>
    <message>
        <source>The apology was issued less than one working day before the return date.</source>
        <translation>Văn bản xin lỗi được phát hành muộn hơn hạn 1 ngày làm việc trước ngày hẹn trả.</translation>
    </message>
    <message>
        <source>The new return date is not a working day.</source>
        <translation>Ngày hẹn trả mới không phải ngày làm việc.</translation>
    </message>
    <message>
        <source>{n} sync exception(s) on this dossier: another desk acted on it at the same time.</source>
        <translation>Hồ sơ có {n} ngoại lệ đồng bộ: một bàn khác đã xử lý hồ sơ cùng lúc.</translation>
    </message>
</context>
<context>
    <name>DossierTableModel</name>
    <message>
        <source>Dossier code</source>
        <translation>Mã hồ sơ</translation>
    </message>
    <message>
        <source>Ticket</source>
        <translation>Số TT</translation>
    </message>
    <message>
        <source>Applicant</source>
        <translation>Người nộp</translation>
    </message>
    <message>
        <source>Born</source>
        <translation>Ngày sinh</translation>
    </message>
    <message>
        <source>Procedure</source>
        <translation>Thủ tục</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Ngày tiếp nhận</translation>
    </message>
    <message>
        <source>Return at</source>
        <translation>Hẹn trả</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Vị trí</translation>
    </message>
</context>
<context>
    <name>DrillDialog</name>
    <message>
        <source>{n} dossier(s). Double-click one to open it.</source>
        <translation>{n} hồ sơ. Nhấp đúp vào một hồ sơ để mở.</translation>
    </message>
    <message>
        <source>The first {limit} are listed.</source>
        <translation>Chỉ liệt kê {limit} hồ sơ đầu tiên.</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>Applicant&apos;s name</source>
        <translation>Họ tên người nộp</translation>
    </message>
    <message>
        <source>Citizen ID</source>
        <translation>Số CCCD</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Điện thoại</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>Thư điện tử</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Địa chỉ</translation>
    </message>
    <message>
        <source>Number of sets</source>
        <translation>Số bộ hồ sơ</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Lý do</translation>
    </message>
    <message>
        <source>New return date</source>
        <translation>Ngày hẹn trả mới</translation>
    </message>
    <message>
        <source>Time received</source>
        <translation>Thời điểm tiếp nhận</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Thời điểm</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <source>Officer</source>
        <translation>Cán bộ</translation>
    </message>
    <message>
        <source>Agency id</source>
        <translation>Mã định danh đơn vị</translation>
    </message>
    <message>
        <source>Agency name</source>
        <translation>Tên đơn vị</translation>
    </message>
    <message>
        <source>Parent authority</source>
        <translation>Cơ quan chủ quản</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Địa danh</translation>
    </message>
    <message>
        <source>Desk number</source>
        <translation>Số bàn tiếp nhận</translation>
    </message>
    <message>
        <source>Cut-off</source>
        <translation>Giờ chốt</translation>
    </message>
    <message>
        <source>Office hours</source>
        <translation>Giờ làm việc</translation>
    </message>
    <message>
        <source>Transfer deadline</source>
        <translation>Hạn chuyển hồ sơ</translation>
    </message>
    <message>
        <source>Receiver</source>
        <translation>Người nhận</translation>
    </message>
    <message>
        <source>Giver</source>
        <translation>Người giao</translation>
    </message>
    <message>
        <source>Collected by</source>
        <translation>Người nhận kết quả</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Giấy tờ</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>Số lượng</translation>
    </message>
    <message>
        <source>Dossier codes</source>
        <translation>Mã hồ sơ</translation>
    </message>
    <message>
        <source>Procedure</source>
        <translation>Thủ tục</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Ngày</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Loại ngày</translation>
    </message>
    <message>
        <source>Legal reference</source>
        <translation>Căn cứ pháp lý</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Ngày sinh</translation>
    </message>
    <message>
        <source>Date of issue</source>
        <translation>Ngày cấp</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>Giới tính</translation>
    </message>
    <message>
        <source>Reason for the rating</source>
        <translation>Lý do đánh giá</translation>
    </message>
    <message>
        <source>Queue ticket</source>
        <translation>Số phiếu xếp hàng</translation>
    </message>
    <message>
        <source>Fee collected</source>
        <translation>Phí, lệ phí đã thu</translation>
    </message>
    <message>
        <source>Payment method</source>
        <translation>Hình thức thanh toán</translation>
    </message>
    <message>
        <source>E-receipt reference</source>
        <translation>Mã tra cứu biên lai điện tử</translation>
    </message>
    <message>
        <source>receive</source>
        <translation>tiếp nhận</translation>
    </message>
    <message>
        <source>ask for supplements on</source>
        <translation>yêu cầu bổ sung</translation>
    </message>
    <message>
        <source>take the supplements of</source>
        <translation>nhận bổ sung</translation>
    </message>
    <message>
        <source>refuse</source>
        <translation>từ chối</translation>
    </message>
    <message>
        <source>hand off</source>
        <translation>bàn giao</translation>
    </message>
    <message>
        <source>take the result of</source>
        <translation>nhận kết quả</translation>
    </message>
    <message>
        <source>extend</source>
        <translation>gia hạn</translation>
    </message>
    <message>
        <source>return the result of</source>
        <translation>trả kết quả</translation>
    </message>
    <message>
        <source>stop</source>
        <translation>dừng giải quyết</translation>
    </message>
    <message>
        <source>add a note to</source>
        <translation>thêm ghi chú cho</translation>
    </message>
    <message>
        <source>void</source>
        <translation>hủy</translation>
    </message>
    <message>
        <source>print</source>
        <translation>in phiếu cho</translation>
    </message>
    <message>
        <source>rate</source>
        <translation>đánh giá</translation>
    </message>
    <message>
        <source>The return date may be reset only once.</source>
        <translation>Chỉ được hẹn lại ngày trả kết quả một lần.</translation>
    </message>
    <message>
        <source>The dossier is already at that department.</source>
        <translation>Hồ sơ đang ở chính phòng ban đó.</translation>
    </message>
    <message>
        <source>The dossier has already gone to a department: it can no longer be refused at intake.</source>
        <translation>Hồ sơ đã chuyển đến phòng ban: không thể từ chối tiếp nhận nữa.</translation>
    </message>
    <message>
        <source>This dossier was already rated: a dossier is rated once.</source>
        <translation>Hồ sơ này đã được đánh giá: mỗi hồ sơ chỉ được đánh giá một lần.</translation>
    </message>
    <message>
        <source>This dossier was already received.</source>
        <translation>Hồ sơ này đã được tiếp nhận rồi.</translation>
    </message>
    <message>
        <source>You cannot {action} a dossier whose status is “{status}”.</source>
        <translation>Không thể {action} hồ sơ đang ở trạng thái “{status}”.</translation>
    </message>
    <message>
        <source>Enter the applicant&apos;s name.</source>
        <translation>Hãy nhập họ tên người nộp hồ sơ.</translation>
    </message>
    <message>
        <source>The name is longer than {max} characters.</source>
        <translation>Họ tên dài quá {max} ký tự.</translation>
    </message>
    <message>
        <source>The name contains the character “{char}”.</source>
        <translation>Họ tên chứa ký tự “{char}”.</translation>
    </message>
    <message>
        <source>This does not look like a person&apos;s or an organisation&apos;s name.</source>
        <translation>Đây không giống họ tên người hay tên tổ chức.</translation>
    </message>
    <message>
        <source>A citizen ID (CCCD) has exactly 12 digits.</source>
        <translation>Số CCCD phải có đúng 12 chữ số.</translation>
    </message>
    <message>
        <source>A phone number has 10 digits starting with 0 (mobile) or 11 digits starting with 02 (landline).</source>
        <translation>Số điện thoại gồm 10 chữ số bắt đầu bằng 0 (di động) hoặc 11 chữ số bắt đầu bằng 02 (cố định).</translation>
    </message>
    <message>
        <source>This e-mail address is not valid.</source>
        <translation>Địa chỉ thư điện tử không hợp lệ.</translation>
    </message>
    <message>
        <source>This is not the QR code of a citizen ID card: nothing was filled in.</source>
        <translation>Đây không phải mã QR trên thẻ căn cước: chưa điền thông tin nào.</translation>
    </message>
    <message>
        <source>The ID card&apos;s QR code holds a citizen ID that is not 12 digits: nothing was filled in.</source>
        <translation>Mã QR trên thẻ có số định danh không đủ 12 chữ số: chưa điền thông tin nào.</translation>
    </message>
    <message>
        <source>The ID card&apos;s QR code holds no valid name: nothing was filled in.</source>
        <translation>Mã QR trên thẻ không có họ tên hợp lệ: chưa điền thông tin nào.</translation>
    </message>
    <message>
        <source>The ID card&apos;s QR code holds a date that is not valid ({field}): nothing was filled in.</source>
        <translation>Mã QR trên thẻ có ngày không hợp lệ ({field}): chưa điền thông tin nào.</translation>
    </message>
    <message>
        <source>The ID card&apos;s QR code holds a sex that is neither Nam nor Nữ: nothing was filled in.</source>
        <translation>Mã QR trên thẻ có giới tính không phải Nam hoặc Nữ: chưa điền thông tin nào.</translation>
    </message>
    <message>
        <source>The ID card&apos;s QR code holds an address that is too long or has a control character: nothing was filled in.</source>
        <translation>Mã QR trên thẻ có địa chỉ quá dài hoặc chứa ký tự điều khiển: chưa điền thông tin nào.</translation>
    </message>
    <message>
        <source>Choose the sex: Nam or Nữ.</source>
        <translation>Chọn giới tính: Nam hoặc Nữ.</translation>
    </message>
    <message>
        <source>The date of birth is not a valid date (DD/MM/YYYY, not in the future).</source>
        <translation>Ngày sinh không hợp lệ (ghi theo dạng NN/TT/NNNN, không phải ngày trong tương lai).</translation>
    </message>
    <message>
        <source>Choose a rating: 1 Very satisfied, 2 Satisfied, 3 Not satisfied.</source>
        <translation>Chọn mức đánh giá: 1 Rất hài lòng, 2 Hài lòng, 3 Không hài lòng.</translation>
    </message>
    <message>
        <source>“Not satisfied” needs a reason: ask the citizen what went wrong.</source>
        <translation>Chọn “Không hài lòng” thì phải ghi lý do: hỏi công dân chưa hài lòng điều gì.</translation>
    </message>
    <message>
        <source>The address is longer than {max} characters.</source>
        <translation>Địa chỉ dài quá {max} ký tự.</translation>
    </message>
    <message>
        <source>The queue ticket is longer than {max} characters.</source>
        <translation>Số phiếu xếp hàng dài quá {max} ký tự.</translation>
    </message>
    <message>
        <source>A queue ticket is letters and digits, for example A023 or B-105.</source>
        <translation>Số phiếu xếp hàng chỉ gồm chữ và số, ví dụ A023 hoặc B-105.</translation>
    </message>
    <message>
        <source>The fee is not a whole number of đồng (for example 20000 or 20.000).</source>
        <translation>Số tiền phí không phải là một số nguyên đồng (ví dụ 20000 hoặc 20.000).</translation>
    </message>
    <message>
        <source>Type what to look for: a dossier code, a name, a CCCD or a phone number.</source>
        <translation>Hãy nhập nội dung cần tìm: mã hồ sơ, họ tên, số CCCD hoặc số điện thoại.</translation>
    </message>
    <message>
        <source>Type the last 4 digits of the citizen ID card.</source>
        <translation>Nhập 4 số cuối của số căn cước công dân.</translation>
    </message>
    <message>
        <source>The fee collected cannot be negative.</source>
        <translation>Số tiền đã thu không được là số âm.</translation>
    </message>
    <message>
        <source>The fee is too large: check the amount.</source>
        <translation>Số tiền phí quá lớn: hãy kiểm tra lại.</translation>
    </message>
    <message>
        <source>Choose the payment method: cash, bank transfer, card or exempt.</source>
        <translation>Chọn hình thức thanh toán: tiền mặt, chuyển khoản, thẻ hoặc miễn.</translation>
    </message>
    <message>
        <source>An exempt fee collects nothing: the amount must be 0.</source>
        <translation>Đã chọn miễn phí thì không thu tiền: số tiền phải là 0.</translation>
    </message>
    <message>
        <source>Nothing collected: write the amount, or choose “exempt”.</source>
        <translation>Chưa có số tiền đã thu: hãy ghi số tiền, hoặc chọn “Miễn”.</translation>
    </message>
    <message>
        <source>Write the amount collected (or only the e-receipt reference, after intake).</source>
        <translation>Hãy ghi số tiền đã thu (hoặc chỉ mã biên lai điện tử, khi ghi nhận sau tiếp nhận).</translation>
    </message>
    <message>
        <source>An e-receipt reference is letters, digits and - / . _ # :</source>
        <translation>Mã biên lai điện tử chỉ gồm chữ, số và - / . _ # :</translation>
    </message>
    <message>
        <source>{field} must not be empty.</source>
        <translation>Hãy nhập {field}.</translation>
    </message>
    <message>
        <source>{field} contains an invisible control character ({char}): type it again without it.</source>
        <translation>{field} có một ký tự điều khiển không nhìn thấy ({char}): hãy gõ lại mà không có ký tự đó.</translation>
    </message>
    <message>
        <source>{field} is longer than {max} characters.</source>
        <translation>{field} dài quá {max} ký tự.</translation>
    </message>
    <message>
        <source>{field} must be a whole number from {low} to {high}.</source>
        <translation>{field} phải là số nguyên từ {low} đến {high}.</translation>
    </message>
    <message>
        <source>That time is in the future.</source>
        <translation>Thời điểm này ở tương lai.</translation>
    </message>
    <message>
        <source>That time is more than a year ago.</source>
        <translation>Thời điểm này đã quá một năm.</translation>
    </message>
    <message>
        <source>That time is before the dossier&apos;s last step.</source>
        <translation>Thời điểm này trước bước xử lý gần nhất của hồ sơ.</translation>
    </message>
    <message>
        <source>No dossier has the code {value}.</source>
        <translation>Không có hồ sơ nào mang mã {value}.</translation>
    </message>
    <message>
        <source>This is not a dossier code.</source>
        <translation>Đây không phải mã hồ sơ.</translation>
    </message>
    <message>
        <source>There is no procedure with the code {value}.</source>
        <translation>Không có thủ tục mã {value}.</translation>
    </message>
    <message>
        <source>There is no department called {value}.</source>
        <translation>Không có phòng ban tên {value}.</translation>
    </message>
    <message>
        <source>A department may ask for supplements only within 3 working days of receiving the dossier.</source>
        <translation>Phòng ban chỉ được yêu cầu bổ sung trong vòng 3 ngày làm việc kể từ khi nhận hồ sơ.</translation>
    </message>
    <message>
        <source>The new return date must be later than the current one.</source>
        <translation>Ngày hẹn trả mới phải sau ngày hẹn hiện tại.</translation>
    </message>
    <message>
        <source>The new return date may be at most {max} days after the current one.</source>
        <translation>Ngày hẹn trả mới chỉ được sau ngày hẹn hiện tại tối đa {max} ngày.</translation>
    </message>
    <message>
        <source>The agency id and the desk number cannot change once this desk has issued dossier codes.</source>
        <translation>Không thể đổi mã định danh đơn vị và số bàn sau khi bàn này đã cấp mã hồ sơ.</translation>
    </message>
    <message>
        <source>An agency id looks like 000.17.22.H56: letters and digits in groups separated by dots.</source>
        <translation>Mã định danh đơn vị có dạng 000.17.22.H56: các nhóm chữ và số cách nhau bằng dấu chấm.</translation>
    </message>
    <message>
        <source>The desk number is from 1 to {high}.</source>
        <translation>Số bàn tiếp nhận từ 1 đến {high}.</translation>
    </message>
    <message>
        <source>Write a time of day as HH:MM, for example 15:00.</source>
        <translation>Ghi giờ theo dạng GG:PP, ví dụ 15:00.</translation>
    </message>
    <message>
        <source>Write the office hours as 07:30-11:30,13:00-17:00.</source>
        <translation>Ghi giờ làm việc theo dạng 07:30-11:30,13:00-17:00.</translation>
    </message>
    <message>
        <source>These office hours are not valid: the periods must be in order and must not overlap.</source>
        <translation>Giờ làm việc không hợp lệ: các buổi phải theo thứ tự và không chồng lên nhau.</translation>
    </message>
    <message>
        <source>A calendar change is either an extra day off or an extra working day.</source>
        <translation>Điều chỉnh lịch chỉ có thể là thêm ngày nghỉ hoặc thêm ngày làm việc.</translation>
    </message>
    <message>
        <source>This calendar change is not valid.</source>
        <translation>Điều chỉnh lịch này không hợp lệ.</translation>
    </message>
    <message>
        <source>This calendar change contradicts another one.</source>
        <translation>Điều chỉnh lịch này mâu thuẫn với một điều chỉnh khác.</translation>
    </message>
    <message>
        <source>The end date is before the start date.</source>
        <translation>Ngày kết thúc trước ngày bắt đầu.</translation>
    </message>
    <message>
        <source>The file {file} cannot be attached as a scan: it must be a readable, complete PDF or image (JPG, PNG, TIFF).</source>
        <translation>Không gắn được tệp {file} làm bản quét: tệp phải là PDF hoặc ảnh (JPG, PNG, TIFF) đầy đủ, đọc được.</translation>
    </message>
    <message>
        <source>The number of pages declared must be a whole number from 0 to 99999.</source>
        <translation>Số trang đã khai phải là số nguyên từ 0 đến 99999.</translation>
    </message>
    <message>
        <source>A PDF is attached alone, as it is: attach either one PDF or images (the images become one PDF).</source>
        <translation>Tệp PDF được gắn riêng, giữ nguyên: hãy gắn một tệp PDF, hoặc gắn các ảnh (các ảnh được ghép thành một tệp PDF).</translation>
    </message>
    <message>
        <source>This dossier has no such document line.</source>
        <translation>Hồ sơ này không có dòng giấy tờ đó.</translation>
    </message>
    <message>
        <source>A paper without a copy kept is marked either shown only or classified.</source>
        <translation>Giấy tờ không lưu bản sao chỉ được đánh dấu “Chỉ xuất trình” hoặc “Tài liệu mật”.</translation>
    </message>
    <message>
        <source>That paper belongs to another citizen&apos;s dossier (another citizen ID): it cannot be reused here.</source>
        <translation>Giấy tờ đó thuộc hồ sơ của công dân khác (số CCCD khác): không dùng lại được cho hồ sơ này.</translation>
    </message>
    <message>
        <source>The earlier dossier has no digitised paper there to reuse.</source>
        <translation>Hồ sơ trước không có giấy tờ đã số hóa ở dòng đó để dùng lại.</translation>
    </message>
    <message>
        <source>Nothing was stored: the folder of scanned files is full or the disk is nearly full. Ask IT to free space.</source>
        <translation>Chưa lưu được gì: thư mục tệp quét đã đầy hoặc ổ đĩa sắp đầy. Hãy nhờ bộ phận CNTT giải phóng dung lượng.</translation>
    </message>
    <message>
        <source>This desk does not hold that scanned file (it may be on another desk): it cannot be opened here.</source>
        <translation>Máy này không có tệp quét đó (có thể tệp nằm ở quầy khác): không mở được tại đây.</translation>
    </message>
    <message>
        <source>This is not a portal exchange file: nothing was imported.</source>
        <translation>Đây không phải tệp trao đổi với Cổng dịch vụ công: không nhập gì.</translation>
    </message>
    <message>
        <source>The portal file was changed or cut after it was written (its hash does not match): nothing was imported.</source>
        <translation>Tệp đã bị sửa hoặc bị cắt sau khi xuất (mã băm không khớp): không nhập gì.</translation>
    </message>
    <message>
        <source>A dossier in the portal file has a wrong value: nothing was imported.</source>
        <translation>Một hồ sơ trong tệp có giá trị không hợp lệ: không nhập gì.</translation>
    </message>
    <message>
        <source>A dossier in the portal file names a procedure this desk&apos;s catalog does not have: nothing was imported.</source>
        <translation>Một hồ sơ trong tệp thuộc thủ tục không có trong danh mục của quầy: không nhập gì.</translation>
    </message>
    <message>
        <source>The portal mapping file is damaged: reinstall the application.</source>
        <translation>Tệp ánh xạ dữ liệu với Cổng dịch vụ công bị hỏng: hãy cài đặt lại phần mềm.</translation>
    </message>
    <message>
        <source>There is no such version of the portal mapping.</source>
        <translation>Không có phiên bản ánh xạ dữ liệu này.</translation>
    </message>
    <message>
        <source>A report period may not be longer than 10 years.</source>
        <translation>Kỳ báo cáo không được dài quá 10 năm.</translation>
    </message>
    <message>
        <source>This is not a valid date.</source>
        <translation>Ngày không hợp lệ.</translation>
    </message>
    <message>
        <source>This is not a valid date and time.</source>
        <translation>Ngày giờ không hợp lệ.</translation>
    </message>
    <message>
        <source>Choose how the result was returned.</source>
        <translation>Hãy chọn hình thức trả kết quả.</translation>
    </message>
    <message>
        <source>Choose where the result will be collected.</source>
        <translation>Hãy chọn nơi nhận kết quả.</translation>
    </message>
    <message>
        <source>Choose how the dossier was submitted.</source>
        <translation>Hãy chọn hình thức nộp hồ sơ.</translation>
    </message>
    <message>
        <source>The file cannot be read.</source>
        <translation>Không đọc được tệp.</translation>
    </message>
    <message>
        <source>The file is not UTF-8 text.</source>
        <translation>Tệp không phải văn bản UTF-8.</translation>
    </message>
    <message>
        <source>The file is not valid JSON.</source>
        <translation>Tệp không phải JSON hợp lệ.</translation>
    </message>
    <message>
        <source>The file does not have the expected columns or fields.</source>
        <translation>Tệp không có các cột hoặc trường cần thiết.</translation>
    </message>
    <message>
        <source>A procedure appears twice in the file.</source>
        <translation>Một thủ tục xuất hiện hai lần trong tệp.</translation>
    </message>
    <message>
        <source>This desk has not been set up yet.</source>
        <translation>Bàn tiếp nhận này chưa được thiết lập.</translation>
    </message>
    <message>
        <source>This form does not apply to this dossier (nothing in its history calls for it).</source>
        <translation>Phiếu này không áp dụng cho hồ sơ này (quá trình xử lý hồ sơ không có bước tương ứng).</translation>
    </message>
    <message>
        <source>This file is not a motcua-desk database.</source>
        <translation>Tệp này không phải cơ sở dữ liệu của motcua-desk.</translation>
    </message>
    <message>
        <source>This database was written by a newer version of motcua-desk: install the newer version.</source>
        <translation>Cơ sở dữ liệu này do phiên bản motcua-desk mới hơn tạo ra: hãy cài phiên bản mới hơn.</translation>
    </message>
    <message>
        <source>{dossier} is held by {held_by}, not by {department}: its result cannot be taken back from {department}.</source>
        <translation>Hồ sơ {dossier} đang ở {held_by}, không phải {department}: không thể nhận kết quả của hồ sơ này từ {department}.</translation>
    </message>
    <message>
        <source>The dossier is at {department}: enter who of {department} hands it over.</source>
        <translation>Hồ sơ đang ở {department}: nhập tên người của {department} giao hồ sơ.</translation>
    </message>
    <message>
        <source>Not the procedure&apos;s department: {dossiers} should go to {expected}, not {department}.</source>
        <translation>Không phải phòng ban của thủ tục: hồ sơ {dossiers} phải chuyển cho {expected}, không phải {department}.</translation>
    </message>
    <message>
        <source>Choose the form of the document (original, certified copy, copy, presented).</source>
        <translation>Chọn hình thức giấy tờ (bản chính, bản sao chứng thực, bản sao, xuất trình).</translation>
    </message>
    <message>
        <source>Choose how the intake ends.</source>
        <translation>Chọn kết quả tiếp nhận.</translation>
    </message>
    <message>
        <source>The database could not be upgraded and was left unchanged. Call IT with the log file.</source>
        <translation>Không nâng cấp được cơ sở dữ liệu; dữ liệu được giữ nguyên. Hãy gọi bộ phận CNTT và gửi kèm tệp nhật ký.</translation>
    </message>
    <message>
        <source>Nothing was recorded: a value is not valid (an invisible or control character, a text that is too long, or a date outside 2000–2099). Check what you typed.</source>
        <translation>Chưa ghi gì: có một giá trị không hợp lệ (ký tự ẩn hoặc ký tự điều khiển, nội dung quá dài, hoặc ngày ngoài khoảng 2000–2099). Hãy kiểm tra lại nội dung đã nhập.</translation>
    </message>
    <message>
        <source>Nothing was recorded: this database was just restored from a backup. Sync with the hub first (Đồng bộ), so that the dossiers this desk made after the backup come back and no dossier code is issued twice.</source>
        <translation>Chưa ghi nhận gì: dữ liệu vừa được khôi phục từ bản sao lưu. Hãy đồng bộ với máy chủ trước (Đồng bộ), để các hồ sơ quầy này tiếp nhận sau thời điểm sao lưu được lấy lại và không mã hồ sơ nào bị cấp hai lần.</translation>
    </message>
    <message>
        <source>This backup cannot be restored: {detail}</source>
        <translation>Không thể khôi phục bản sao lưu này: {detail}</translation>
    </message>
    <message>
        <source>Nothing was recorded: this computer&apos;s date and time cannot be right (before 2020, after 2099, or earlier than this desk&apos;s last record). Set the computer&apos;s date and time right, then do it again.</source>
        <translation>Chưa ghi gì: ngày giờ của máy tính này không đúng (trước năm 2020, sau năm 2099, hoặc sớm hơn lần ghi cuối của quầy). Hãy chỉnh lại ngày giờ của máy rồi làm lại.</translation>
    </message>
    <message>
        <source>Choose how the figures are grouped: by field, by procedure, by department or by field group.</source>
        <translation>Hãy chọn cách nhóm số liệu: theo lĩnh vực, theo thủ tục, theo cơ quan, đơn vị hoặc theo nhóm lĩnh vực.</translation>
    </message>
    <message>
        <source>There is no field group &quot;{value}&quot;.</source>
        <translation>Không có nhóm lĩnh vực &quot;{value}&quot;.</translation>
    </message>
    <message>
        <source>The catalog has no field &quot;{value}&quot;.</source>
        <translation>Danh mục thủ tục không có lĩnh vực &quot;{value}&quot;.</translation>
    </message>
    <message>
        <source>A field group&apos;s name is 1 to {max} characters, without commas or colons.</source>
        <translation>Tên nhóm lĩnh vực dài từ 1 đến {max} ký tự, không có dấu phẩy hoặc dấu hai chấm.</translation>
    </message>
    <message>
        <source>The field group &quot;{value}&quot; needs at least one field.</source>
        <translation>Nhóm lĩnh vực &quot;{value}&quot; cần có ít nhất một lĩnh vực.</translation>
    </message>
    <message>
        <source>The field group &quot;{value}&quot; is written twice.</source>
        <translation>Nhóm lĩnh vực &quot;{value}&quot; bị ghi hai lần.</translation>
    </message>
    <message>
        <source>The field &quot;{value}&quot; is already in another group: a field belongs to one group.</source>
        <translation>Lĩnh vực &quot;{value}&quot; đã thuộc một nhóm khác: mỗi lĩnh vực chỉ thuộc một nhóm.</translation>
    </message>
    <message>
        <source>Write each field group on its own line as &quot;Name: field, field&quot;.</source>
        <translation>Hãy ghi mỗi nhóm lĩnh vực trên một dòng, dạng &quot;Tên nhóm: lĩnh vực, lĩnh vực&quot;.</translation>
    </message>
    <message>
        <source>Nothing was recorded: this computer&apos;s clock is earlier than this desk&apos;s last record. Set the computer&apos;s date and time right, then do it again.</source>
        <translation>Chưa ghi gì: đồng hồ của máy tính này sớm hơn lần ghi cuối của quầy. Hãy chỉnh lại ngày giờ của máy rồi làm lại.</translation>
    </message>
    <message>
        <source>The action was refused: {detail}</source>
        <translation>Thao tác bị từ chối: {detail}</translation>
    </message>
    <message>
        <source>The action was refused.</source>
        <translation>Thao tác bị từ chối.</translation>
    </message>
    <message>
        <source>{field}: this value is not valid.</source>
        <translation>{field}: giá trị này không hợp lệ.</translation>
    </message>
    <message>
        <source>What you asked for does not exist.</source>
        <translation>Không tìm thấy nội dung bạn yêu cầu.</translation>
    </message>
    <message>
        <source>The database refused the action. Call IT with the log file.</source>
        <translation>Cơ sở dữ liệu không thực hiện được thao tác này. Hãy gọi bộ phận CNTT và gửi kèm tệp nhật ký.</translation>
    </message>
    <message>
        <source>This database is in a folder that cannot be written and cannot be opened as it is there: copy it to a folder that can be written.</source>
        <translation>Cơ sở dữ liệu này nằm trong thư mục không ghi được nên không mở được tại đó: hãy chép nó sang một thư mục ghi được.</translation>
    </message>
    <message>
        <source>The file {path} already exists: choose another name.</source>
        <translation>Tệp {path} đã có: hãy chọn tên khác.</translation>
    </message>
    <message>
        <source>The file {path} cannot be written: choose another folder.</source>
        <translation>Không ghi được tệp {path}: hãy chọn thư mục khác.</translation>
    </message>
    <message>
        <source>The dossier code is too long to be printed as a barcode on this form.</source>
        <translation>Mã hồ sơ quá dài, không in được thành mã vạch trên mẫu này.</translation>
    </message>
    <message>
        <source>This sync exception is no longer in the list (it was already dealt with).</source>
        <translation>Ngoại lệ đồng bộ này không còn trong danh sách (đã được xử lý).</translation>
    </message>
    <message>
        <source>There is no such list of today&apos;s dossiers.</source>
        <translation>Không có danh sách hồ sơ trong ngày như vậy.</translation>
    </message>
    <message>
        <source>A setting is not known to this version of motcua-desk.</source>
        <translation>Có một thiết lập mà phiên bản motcua-desk này không biết.</translation>
    </message>
    <message>
        <source>The processing time must be a number greater than zero and not too long.</source>
        <translation>Thời hạn giải quyết phải là một số lớn hơn 0 và không quá dài.</translation>
    </message>
    <message>
        <source>This unit of processing time is not known.</source>
        <translation>Không rõ đơn vị của thời hạn giải quyết.</translation>
    </message>
    <message>
        <source>A procedure code looks like 1.004873: a digit, a dot and six digits.</source>
        <translation>Mã thủ tục có dạng 1.004873: một chữ số, dấu chấm và sáu chữ số.</translation>
    </message>
    <message>
        <source>A procedure&apos;s processing time is in working days, in working hours or within the same day.</source>
        <translation>Thời hạn giải quyết của thủ tục tính bằng ngày làm việc, giờ làm việc hoặc trong ngày.</translation>
    </message>
    <message>
        <source>A procedure&apos;s processing time must be a positive number of days or hours.</source>
        <translation>Thời hạn giải quyết của thủ tục phải là một số ngày hoặc số giờ lớn hơn 0.</translation>
    </message>
    <message>
        <source>A document&apos;s number of copies must be from 1 to 99.</source>
        <translation>Số bản của một giấy tờ phải từ 1 đến 99.</translation>
    </message>
    <message>
        <source>This is not a report period: write a month (2026-11), a quarter (2026-Q4), a half-year (2026-H2) or a year (2026).</source>
        <translation>Đây không phải kỳ báo cáo: hãy ghi tháng (2026-11), quý (2026-Q4), 6 tháng (2026-H2) hoặc năm (2026).</translation>
    </message>
    <message>
        <source>This report period is not known.</source>
        <translation>Không có kỳ báo cáo này.</translation>
    </message>
    <message>
        <source>Choose whose figures these are: this desk&apos;s or the whole office&apos;s.</source>
        <translation>Hãy chọn phạm vi số liệu: của bàn này hay của cả bộ phận.</translation>
    </message>
    <message>
        <source>A report setting is not valid.</source>
        <translation>Có một thiết lập báo cáo không hợp lệ.</translation>
    </message>
    <message>
        <source>The report has no such column.</source>
        <translation>Báo cáo không có cột này.</translation>
    </message>
    <message>
        <source>The working calendar is not available: the handoff steps cannot be timed.</source>
        <translation>Không có lịch làm việc: không tính được thời gian các bước luân chuyển.</translation>
    </message>
    <message>
        <source>There is no such report form.</source>
        <translation>Không có mẫu báo cáo này.</translation>
    </message>
    <message>
        <source>The report form definition is damaged. Call IT with the log file.</source>
        <translation>Định nghĩa mẫu báo cáo bị hỏng. Hãy gọi bộ phận CNTT và gửi kèm tệp nhật ký.</translation>
    </message>
    <message>
        <source>the file {path} does not exist.</source>
        <translation>không có tệp {path}.</translation>
    </message>
    <message>
        <source>{path} is a folder: choose the backup file in it.</source>
        <translation>{path} là một thư mục: hãy chọn tệp sao lưu trong thư mục đó.</translation>
    </message>
    <message>
        <source>{path} is not a database file.</source>
        <translation>{path} không phải tệp cơ sở dữ liệu.</translation>
    </message>
    <message>
        <source>{path} is a database in use, not a backup (its last changes are still in its -wal file beside it).</source>
        <translation>{path} là cơ sở dữ liệu đang được dùng, không phải bản sao lưu (các thay đổi cuối vẫn nằm trong tệp -wal bên cạnh).</translation>
    </message>
    <message>
        <source>{path} is not a motcua-desk database.</source>
        <translation>{path} không phải cơ sở dữ liệu của motcua-desk.</translation>
    </message>
    <message>
        <source>{path} is damaged: choose another backup.</source>
        <translation>{path} bị hỏng: hãy chọn bản sao lưu khác.</translation>
    </message>
    <message>
        <source>{path} cannot be read as a desk database.</source>
        <translation>không đọc được {path} như cơ sở dữ liệu của một bàn tiếp nhận.</translation>
    </message>
    <message>
        <source>{path} is a desk database that was never set up: there is nothing to restore.</source>
        <translation>{path} là cơ sở dữ liệu của một bàn chưa từng được thiết lập: không có gì để khôi phục.</translation>
    </message>
    <message>
        <source>the desk database is in use by another motcua-desk window or command: close it first.</source>
        <translation>cơ sở dữ liệu của bàn đang được một cửa sổ hoặc lệnh motcua-desk khác sử dụng: hãy đóng nó trước.</translation>
    </message>
    <message>
        <source>{path} is this desk&apos;s database itself, not a backup of it.</source>
        <translation>{path} chính là cơ sở dữ liệu của bàn này, không phải bản sao lưu của nó.</translation>
    </message>
    <message>
        <source>{path} is a backup of another desk computer: it cannot replace this desk&apos;s database.</source>
        <translation>{path} là bản sao lưu của một máy bàn khác: không thể dùng thay cơ sở dữ liệu của bàn này.</translation>
    </message>
    <message>
        <source>the file {path} is not a backup of this desk.</source>
        <translation>tệp {path} không phải bản sao lưu của bàn này.</translation>
    </message>
    <message>
        <source>The sync server cannot be reached. Check the server address, the network cable and that the server is on. The desk keeps working: what it does is sent when the server answers again.</source>
        <translation>Không kết nối được máy chủ đồng bộ. Kiểm tra địa chỉ máy chủ, dây mạng và máy chủ đã bật chưa. Bàn vẫn làm việc bình thường: mọi việc sẽ được gửi khi máy chủ trả lời lại.</translation>
    </message>
    <message>
        <source>No sync server is set up for this desk (Settings, Sync).</source>
        <translation>Bàn này chưa thiết lập máy chủ đồng bộ (Cài đặt, Đồng bộ).</translation>
    </message>
    <message>
        <source>A server address looks like http://192.168.1.10:8765 (or https://…).</source>
        <translation>Địa chỉ máy chủ có dạng http://192.168.1.10:8765 (hoặc https://…).</translation>
    </message>
    <message>
        <source>The certificate file (CA) of the server cannot be used: it does not exist, cannot be read or is not a PEM certificate. Choose the cert.pem file IT gave for this server.</source>
        <translation>Không dùng được tệp chứng chỉ (CA) của máy chủ: tệp không có, không đọc được hoặc không phải chứng chỉ PEM. Hãy chọn tệp cert.pem mà bộ phận CNTT đưa cho máy chủ này.</translation>
    </message>
    <message>
        <source>Data from the server did not match its checksum and was not taken. Tell IT (the server&apos;s data may be damaged).</source>
        <translation>Dữ liệu nhận từ máy chủ không khớp mã kiểm tra nên không được nhận. Báo bộ phận CNTT (dữ liệu trên máy chủ có thể bị hỏng).</translation>
    </message>
    <message>
        <source>The server does not accept this access token. Check the token of this desk (IT gives it with the command hub add-desk).</source>
        <translation>Máy chủ không nhận mã truy cập này. Kiểm tra lại mã truy cập của bàn (bộ phận CNTT cấp bằng lệnh hub add-desk).</translation>
    </message>
    <message>
        <source>This token is registered on the server for another desk number than this desk&apos;s: the two desks&apos; dossier codes could collide. Ask IT to check the desk number.</source>
        <translation>Mã truy cập này được đăng ký trên máy chủ cho một số bàn khác với số bàn của máy này: mã hồ sơ của hai bàn có thể trùng nhau. Nhờ bộ phận CNTT kiểm tra lại số bàn.</translation>
    </message>
    <message>
        <source>This token belongs to another desk computer. Use this desk&apos;s own token, or ask IT for a new one if this computer replaced the old one.</source>
        <translation>Mã truy cập này thuộc về máy tính của một bàn khác. Hãy dùng mã của chính bàn này, hoặc nhờ bộ phận CNTT cấp mã mới nếu máy này thay cho máy cũ.</translation>
    </message>
    <message>
        <source>This desk has been turned off on the server: contact IT.</source>
        <translation>Bàn này đã bị tắt trên máy chủ: liên hệ bộ phận CNTT.</translation>
    </message>
    <message>
        <source>Sync did not work; the details are in the log file, which you can send to IT.</source>
        <translation>Đồng bộ không thành công; chi tiết nằm trong tệp nhật ký, có thể gửi cho bộ phận CNTT.</translation>
    </message>
    <message>
        <source>Sync stopped on an unexpected error; the details are in the log file, which you can send to IT.</source>
        <translation>Đồng bộ dừng vì một lỗi không lường trước; chi tiết nằm trong tệp nhật ký, có thể gửi cho bộ phận CNTT.</translation>
    </message>
    <message>
        <source>The server runs a different version of motcua-desk: update the program.</source>
        <translation>Máy chủ chạy phiên bản motcua-desk khác: hãy cập nhật chương trình.</translation>
    </message>
    <message>
        <source>The sync server refused the request ({code}): contact IT with the log file.</source>
        <translation>Máy chủ đồng bộ từ chối yêu cầu ({code}): liên hệ bộ phận CNTT, gửi kèm tệp nhật ký.</translation>
    </message>
    <message>
        <source>Something unexpected went wrong; nothing you typed has been lost. The details are in the log file, which you can send to IT:</source>
        <translation>Đã xảy ra lỗi ngoài dự kiến; dữ liệu bạn đang nhập vẫn được giữ nguyên. Chi tiết lỗi được ghi trong tệp nhật ký, có thể gửi cho bộ phận CNTT:</translation>
    </message>
    <message>
        <source>motcua-desk</source>
        <translation>motcua-desk</translation>
    </message>
</context>
<context>
    <name>ExtendDialog</name>
    <message>
        <source>Apology and new return date</source>
        <translation>Xin lỗi và hẹn lại ngày trả kết quả</translation>
    </message>
    <message>
        <source>&amp;Save and print</source>
        <translation>Lưu và &amp;in phiếu</translation>
    </message>
    <message>
        <source>The return date can be reset only once. The apology should reach the applicant at least one working day before the current date.</source>
        <translation>Chỉ được hẹn lại ngày trả một lần. Văn bản xin lỗi cần đến người nộp chậm nhất 1 ngày làm việc trước ngày hẹn hiện tại.</translation>
    </message>
    <message>
        <source>&amp;New return date:</source>
        <translation>&amp;Ngày hẹn trả mới:</translation>
    </message>
    <message>
        <source>&amp;Reason for the delay:</source>
        <translation>&amp;Lý do chậm trễ:</translation>
    </message>
    <message>
        <source>Current return date:</source>
        <translation>Ngày hẹn trả hiện tại:</translation>
    </message>
    <message>
        <source>Write the reason: it is printed on the form.</source>
        <translation>Hãy ghi lý do: lý do được in trên phiếu.</translation>
    </message>
</context>
<context>
    <name>FeeDialog</name>
    <message>
        <source>Fee</source>
        <translation>Phí, lệ phí</translation>
    </message>
    <message>
        <source>&amp;Record</source>
        <translation>&amp;Ghi nhận</translation>
    </message>
    <message>
        <source>A payment made after intake, or the e-receipt&apos;s lookup code once the e-receipt system issued it (given alone, it goes with the last payment). The desk prints no receipt.</source>
        <translation>Khoản nộp sau khi tiếp nhận, hoặc mã tra cứu biên lai điện tử khi hệ thống biên lai điện tử đã cấp (nếu chỉ ghi mã, mã được gắn với khoản nộp gần nhất). Phần mềm không in biên lai.</translation>
    </message>
    <message>
        <source>Due:</source>
        <translation>Phải thu:</translation>
    </message>
    <message>
        <source>Collected so far:</source>
        <translation>Đã thu:</translation>
    </message>
    <message>
        <source>đồng (empty: only the e-receipt code)</source>
        <translation>đồng (để trống: chỉ ghi mã biên lai điện tử)</translation>
    </message>
    <message>
        <source>&amp;Amount paid now:</source>
        <translation>Số tiền &amp;nộp thêm:</translation>
    </message>
    <message>
        <source>Paid b&amp;y:</source>
        <translation>T&amp;rả bằng:</translation>
    </message>
    <message>
        <source>E-receipt loo&amp;kup code:</source>
        <translation>Mã tra cứ&amp;u biên lai điện tử:</translation>
    </message>
</context>
<context>
    <name>FirstStartAgencyForm</name>
    <message>
        <source>The agency</source>
        <translation>Đơn vị</translation>
    </message>
    <message>
        <source>As printed at the top of every form.</source>
        <translation>Như in ở phần đầu mọi phiếu.</translation>
    </message>
    <message>
        <source>Electronic &amp;id of the agency:</source>
        <translation>&amp;Mã định danh điện tử của đơn vị:</translation>
    </message>
    <message>
        <source>&amp;Agency name:</source>
        <translation>&amp;Tên đơn vị:</translation>
    </message>
    <message>
        <source>e.g. TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG XÃ VI HƯƠNG</source>
        <translation>VD: TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG XÃ VI HƯƠNG</translation>
    </message>
    <message>
        <source>&amp;Parent authority:</source>
        <translation>&amp;Cơ quan chủ quản:</translation>
    </message>
    <message>
        <source>e.g. UBND XÃ VI HƯƠNG</source>
        <translation>VD: UBND XÃ VI HƯƠNG</translation>
    </message>
    <message>
        <source>P&amp;lace (for “…, ngày … tháng … năm …”):</source>
        <translation>&amp;Địa danh (cho dòng “…, ngày … tháng … năm …”):</translation>
    </message>
    <message>
        <source>e.g. Vi Hương</source>
        <translation>VD: Vi Hương</translation>
    </message>
</context>
<context>
    <name>FirstStartDemoForm</name>
    <message>
        <source>Demo agency</source>
        <translation>Đơn vị dùng thử</translation>
    </message>
    <message>
        <source>Everything works, with the sample procedure catalog. Every printed form carries the mark “BẢN DÙNG THỬ” and has no legal value.</source>
        <translation>Mọi chức năng đều dùng được, với danh mục thủ tục mẫu. Mọi phiếu in ra đều có dấu “BẢN DÙNG THỬ” và không có giá trị pháp lý.</translation>
    </message>
    <message>
        <source>Your &amp;name (optional):</source>
        <translation>&amp;Họ tên của bạn (không bắt buộc):</translation>
    </message>
</context>
<context>
    <name>FirstStartDeskForm</name>
    <message>
        <source>This desk and its officer</source>
        <translation>Bàn tiếp nhận và cán bộ</translation>
    </message>
    <message>
        <source>Each desk of the agency has its own number (1–9), so that desks working offline never issue the same code.</source>
        <translation>Mỗi bàn tiếp nhận của đơn vị có một số riêng (1–9) để các bàn làm việc ngoại tuyến không bao giờ cấp trùng mã hồ sơ.</translation>
    </message>
    <message>
        <source>&amp;Desk number:</source>
        <translation>&amp;Số bàn tiếp nhận:</translation>
    </message>
    <message>
        <source>&amp;Officer:</source>
        <translation>&amp;Cán bộ:</translation>
    </message>
    <message>
        <source>Officer&apos;s &amp;phone:</source>
        <translation>Điện t&amp;hoại cán bộ:</translation>
    </message>
</context>
<context>
    <name>FirstStartSummaryForm</name>
    <message>
        <source>Check before saving</source>
        <translation>Kiểm tra lại trước khi lưu</translation>
    </message>
    <message>
        <source>The electronic id and the desk number go into every dossier code: they cannot be changed once a code has been issued. Go back to correct anything.</source>
        <translation>Mã định danh và số quầy có trong mọi mã hồ sơ: không thể đổi sau khi đã cấp mã. Quay lại để sửa nếu cần.</translation>
    </message>
</context>
<context>
    <name>FirstStartWelcomeForm</name>
    <message>
        <source>Welcome to motcua-desk</source>
        <translation>Chào mừng đến với motcua-desk</translation>
    </message>
    <message>
        <source>This desk has not been set up yet.</source>
        <translation>Bàn tiếp nhận này chưa được thiết lập.</translation>
    </message>
    <message>
        <source>&amp;Set up this desk for our agency</source>
        <translation>&amp;Thiết lập bàn tiếp nhận cho đơn vị</translation>
    </message>
    <message>
        <source>&amp;Try it with a demo agency (sample data, every form marked “DEMO”)</source>
        <translation>&amp;Dùng thử với đơn vị mẫu (dữ liệu mẫu, mọi phiếu in đều có dấu “BẢN DÙNG THỬ”)</translation>
    </message>
    <message>
        <source>The agency id and the desk number go into every dossier code and cannot change once codes have been issued. Ask IT for them if you are not sure; the demo can be tried first on another database.</source>
        <translation>Mã định danh đơn vị và số bàn nằm trong mọi mã hồ sơ, không đổi được sau khi đã cấp mã. Nếu chưa chắc chắn, hãy hỏi bộ phận CNTT; có thể dùng thử trước trên một cơ sở dữ liệu khác.</translation>
    </message>
</context>
<context>
    <name>FirstStartWizard</name>
    <message>
        <source>Set up the desk</source>
        <translation>Thiết lập bàn tiếp nhận</translation>
    </message>
    <message>
        <source>&amp;Next &gt;</source>
        <translation>&amp;Tiếp &gt;</translation>
    </message>
    <message>
        <source>&lt; &amp;Back</source>
        <translation>&lt; &amp;Quay lại</translation>
    </message>
    <message>
        <source>&amp;Finish</source>
        <translation>&amp;Hoàn tất</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
</context>
<context>
    <name>FormPickDialog</name>
    <message>
        <source>Print again</source>
        <translation>In lại phiếu</translation>
    </message>
    <message>
        <source>&amp;Print</source>
        <translation>&amp;In</translation>
    </message>
    <message>
        <source>&amp;Form:</source>
        <translation>&amp;Phiếu:</translation>
    </message>
</context>
<context>
    <name>HandoffDialog</name>
    <message>
        <source>Hand off the dossier</source>
        <translation>Bàn giao hồ sơ</translation>
    </message>
    <message>
        <source>&amp;Hand off</source>
        <translation>&amp;Bàn giao</translation>
    </message>
    <message>
        <source>Print the handoff control sheet (Form 06)</source>
        <translation>In phiếu kiểm soát quá trình giải quyết (Mẫu 06)</translation>
    </message>
    <message>
        <source>&amp;Department:</source>
        <translation>&amp;Phòng ban:</translation>
    </message>
    <message>
        <source>&amp;Received by:</source>
        <translation>&amp;Người nhận:</translation>
    </message>
    <message>
        <source>Choose the department.</source>
        <translation>Hãy chọn phòng ban.</translation>
    </message>
</context>
<context>
    <name>HandoffForm</name>
    <message>
        <source>Ha&amp;nd over to a department</source>
        <translation>Giao hồ sơ cho phòng &amp;ban</translation>
    </message>
    <message>
        <source>Take results &amp;back from a department</source>
        <translation>Nhận &amp;kết quả từ phòng ban</translation>
    </message>
    <message>
        <source>&amp;Department:</source>
        <translation>P&amp;hòng ban:</translation>
    </message>
    <message>
        <source>Received b&amp;y:</source>
        <translation>Người &amp;nhận:</translation>
    </message>
    <message>
        <source>D&amp;ossier code:</source>
        <translation>&amp;Mã hồ sơ:</translation>
    </message>
    <message>
        <source>Scan, or type a code and press Enter</source>
        <translation>Quét, hoặc gõ mã hồ sơ rồi nhấn Enter</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Thêm</translation>
    </message>
    <message>
        <source>Scan each dossier: it is checked and added to the list. Confirm with Ctrl+Enter when the pile is done.</source>
        <translation>Quét từng hồ sơ: hồ sơ được kiểm tra rồi thêm vào danh sách. Quét xong cả chồng thì nhấn Ctrl+Enter để xác nhận.</translation>
    </message>
    <message>
        <source>Dossier code</source>
        <translation>Mã hồ sơ</translation>
    </message>
    <message>
        <source>Applicant</source>
        <translation>Người nộp</translation>
    </message>
    <message>
        <source>Procedure</source>
        <translation>Thủ tục</translation>
    </message>
    <message>
        <source>Now at</source>
        <translation>Đang ở</translation>
    </message>
    <message>
        <source>Return at</source>
        <translation>Hẹn trả</translation>
    </message>
    <message>
        <source>&amp;Remove selected (Del)</source>
        <translation>Bỏ &amp;dòng đã chọn (Del)</translation>
    </message>
    <message>
        <source>&amp;Print today&apos;s handoff list</source>
        <translation>In danh &amp;sách bàn giao hôm nay</translation>
    </message>
</context>
<context>
    <name>HandoffView</name>
    <message>
        <source>Received b&amp;y:</source>
        <translation>Người &amp;nhận:</translation>
    </message>
    <message>
        <source>Brought b&amp;y:</source>
        <translation>Người &amp;mang đến:</translation>
    </message>
    <message>
        <source>The list was emptied: the direction changed.</source>
        <translation>Danh sách đã được làm trống vì đổi chiều bàn giao.</translation>
    </message>
    <message>
        <source>Double scan of {code}: it is already in the list.</source>
        <translation>Quét trùng mã {code}: hồ sơ đã có trong danh sách.</translation>
    </message>
    <message>
        <source>{code} is already in the list.</source>
        <translation>{code} đã có trong danh sách.</translation>
    </message>
    <message>
        <source>{code} cannot be handed off: it is “{status}”.</source>
        <translation>Không bàn giao được {code}: hồ sơ đang ở trạng thái “{status}”.</translation>
    </message>
    <message>
        <source>{code} is already at {department}.</source>
        <translation>{code} đang ở {department}.</translation>
    </message>
    <message>
        <source>{code} is not at a department: it is “{status}”.</source>
        <translation>{code} không ở phòng ban nào: hồ sơ đang ở trạng thái “{status}”.</translation>
    </message>
    <message>
        <source>Added {code} — {name}. {n} in the list.</source>
        <translation>Đã thêm {code} — {name}. Danh sách có {n} hồ sơ.</translation>
    </message>
    <message>
        <source>No dossier has the code {code}.</source>
        <translation>Không có hồ sơ nào mang mã {code}.</translation>
    </message>
    <message>
        <source>&amp;Confirm handoff of {n} dossiers (Ctrl+Enter)</source>
        <translation>&amp;Xác nhận bàn giao {n} hồ sơ (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>&amp;Confirm {n} results received (Ctrl+Enter)</source>
        <translation>&amp;Xác nhận nhận {n} kết quả (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>{n} dossiers handed over to {department}.</source>
        <translation>Đã bàn giao {n} hồ sơ cho {department}.</translation>
    </message>
    <message>
        <source>{n} results received.</source>
        <translation>Đã nhận {n} kết quả.</translation>
    </message>
    <message>
        <source>Handoff list {day} — {department}</source>
        <translation>Danh sách bàn giao ngày {day} — {department}</translation>
    </message>
</context>
<context>
    <name>IntakeForm</name>
    <message>
        <source>Intake</source>
        <translation>Tiếp nhận</translation>
    </message>
    <message>
        <source>1. Procedure</source>
        <translation>1. Thủ tục hành chính</translation>
    </message>
    <message>
        <source>P&amp;rocedure (a few letters, accents optional):</source>
        <translation>&amp;Thủ tục (gõ vài chữ, không cần dấu):</translation>
    </message>
    <message>
        <source>khai sinh, chung thuc, 1.001193…</source>
        <translation>khai sinh, chung thuc, 1.001193…</translation>
    </message>
    <message>
        <source>No procedure chosen yet.</source>
        <translation>Chưa chọn thủ tục.</translation>
    </message>
    <message>
        <source>2. Applicant</source>
        <translation>2. Người nộp hồ sơ</translation>
    </message>
    <message>
        <source>Full &amp;name:</source>
        <translation>Họ &amp;và tên:</translation>
    </message>
    <message>
        <source>Citizen &amp;ID (CCCD):</source>
        <translation>Số CCC&amp;D:</translation>
    </message>
    <message>
        <source>12 digits</source>
        <translation>12 chữ số</translation>
    </message>
    <message>
        <source>&amp;Phone:</source>
        <translation>Điện th&amp;oại:</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>Đị&amp;a chỉ:</translation>
    </message>
    <message>
        <source>E-&amp;mail:</source>
        <translation>E-&amp;mail:</translation>
    </message>
    <message>
        <source>3. Documents handed in</source>
        <translation>3. Thành phần hồ sơ đã nộp</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Giấy tờ</translation>
    </message>
    <message>
        <source>Form</source>
        <translation>Hình thức</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>Số lượng</translation>
    </message>
    <message>
        <source>Space ticks or unticks the selected document; untick what is missing.</source>
        <translation>Phím cách đánh dấu hoặc bỏ đánh dấu giấy tờ đang chọn; bỏ đánh dấu giấy tờ còn thiếu.</translation>
    </message>
    <message>
        <source>4. Details</source>
        <translation>4. Thông tin khác</translation>
    </message>
    <message>
        <source>Number of se&amp;ts:</source>
        <translation>Số &amp;bộ hồ sơ:</translation>
    </message>
    <message>
        <source>Su&amp;bmitted:</source>
        <translation>Hình thức &amp;nộp:</translation>
    </message>
    <message>
        <source>Result &amp;collected:</source>
        <translation>Nhận &amp;kết quả tại:</translation>
    </message>
    <message>
        <source>N&amp;ote:</source>
        <translation>Ghi &amp;chú:</translation>
    </message>
    <message>
        <source>Enter here saves the dossier</source>
        <translation>Nhấn Enter ở đây để lưu hồ sơ</translation>
    </message>
    <message>
        <source>Return date</source>
        <translation>Ngày hẹn trả kết quả</translation>
    </message>
    <message>
        <source>Choose a procedure to see the return date.</source>
        <translation>Chọn thủ tục để xem ngày hẹn trả.</translation>
    </message>
    <message>
        <source>Save and print slip</source>
        <translation>Lưu và in phiếu hẹn</translation>
    </message>
    <message>
        <source>Ask to supplement…</source>
        <translation>Yêu cầu bổ sung…</translation>
    </message>
    <message>
        <source>Refuse…</source>
        <translation>Từ chối…</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Xóa trắng</translation>
    </message>
</context>
<context>
    <name>IntakeView</name>
    <message>
        <source>DD/MM/YYYY</source>
        <translation>NN/TT/NNNN</translation>
    </message>
    <message>
        <source>&amp;Date of birth:</source>
        <translation>Ngà&amp;y sinh:</translation>
    </message>
    <message>
        <source>(not given)</source>
        <translation>(không ghi)</translation>
    </message>
    <message>
        <source>Sex:</source>
        <translation>Giới tính:</translation>
    </message>
    <message>
        <source>e.g. A023 (typed or scanned)</source>
        <translation>ví dụ A023 (gõ hoặc quét)</translation>
    </message>
    <message>
        <source>&amp;Queue ticket:</source>
        <translation>Số phiếu xếp hàng (&amp;Q):</translation>
    </message>
    <message>
        <source>5. Fee</source>
        <translation>5. Phí, lệ phí</translation>
    </message>
    <message>
        <source>đồng, e.g. 20.000 (empty: nothing collected)</source>
        <translation>đồng, ví dụ 20.000 (để trống: không thu)</translation>
    </message>
    <message>
        <source>Co&amp;llected:</source>
        <translation>Phí, lệ phí đã thu (&amp;F):</translation>
    </message>
    <message>
        <source>Paid b&amp;y:</source>
        <translation>T&amp;rả bằng:</translation>
    </message>
    <message>
        <source>when the e-receipt system issued one</source>
        <translation>khi hệ thống biên lai điện tử đã cấp</translation>
    </message>
    <message>
        <source>E-receipt loo&amp;kup code:</source>
        <translation>Mã tra cứ&amp;u biên lai điện tử:</translation>
    </message>
    <message>
        <source>Due:</source>
        <translation>Phải thu:</translation>
    </message>
    <message>
        <source>Choose a procedure to see the fee.</source>
        <translation>Chọn thủ tục để xem mức phí, lệ phí.</translation>
    </message>
    <message>
        <source>none (free)</source>
        <translation>không thu (miễn phí)</translation>
    </message>
    <message>
        <source>as the catalog says</source>
        <translation>theo danh mục thủ tục</translation>
    </message>
    <message>
        <source>Filled from the ID card&apos;s QR code (highlighted): check it with the citizen and correct what is wrong. A QR code is not a proof of identity.</source>
        <translation>Đã điền từ mã QR trên thẻ căn cước (các ô tô màu): đối chiếu với công dân và sửa chỗ sai. Mã QR không phải là giấy tờ chứng minh nhân thân.</translation>
    </message>
    <message>
        <source>&lt;b&gt;{name}&lt;/b&gt;&lt;br&gt;{code} · {field} · {time} · {department}</source>
        <translation>&lt;b&gt;{name}&lt;/b&gt;&lt;br&gt;{code} · {field} · {time} · {department}</translation>
    </message>
    <message>
        <source>Return at {due}</source>
        <translation>Hẹn trả: {due}</translation>
    </message>
    <message>
        <source>Choose the procedure first.</source>
        <translation>Hãy chọn thủ tục trước.</translation>
    </message>
    <message>
        <source>The dossier lacks the documents listed.</source>
        <translation>Hồ sơ còn thiếu các giấy tờ trong danh sách.</translation>
    </message>
    <message>
        <source>Refuse the dossier</source>
        <translation>Từ chối hồ sơ</translation>
    </message>
    <message>
        <source>&amp;Reason for refusal:</source>
        <translation>&amp;Lý do từ chối:</translation>
    </message>
    <message>
        <source>Re&amp;fuse and print</source>
        <translation>&amp;Từ chối và in phiếu</translation>
    </message>
    <message>
        <source>The dossier is recorded with a code and refused; Form 03 is printed for the applicant.</source>
        <translation>Hồ sơ được ghi nhận với một mã rồi từ chối; Mẫu 03 được in để giao người nộp.</translation>
    </message>
    <message>
        <source>Received {code}: return at {due}.</source>
        <translation>Đã tiếp nhận {code}: hẹn trả {due}.</translation>
    </message>
    <message>
        <source>{code}: the applicant was asked to supplement.</source>
        <translation>{code}: đã yêu cầu người nộp bổ sung hồ sơ.</translation>
    </message>
    <message>
        <source>{code}: refused.</source>
        <translation>{code}: đã từ chối.</translation>
    </message>
    <message>
        <source>Sync first</source>
        <translation>Cần đồng bộ trước</translation>
    </message>
    <message>
        <source>&amp;Sync now</source>
        <translation>Đồng &amp;bộ ngay</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <source>No procedure chosen yet.</source>
        <translation>Chưa chọn thủ tục.</translation>
    </message>
    <message>
        <source>Choose a procedure to see the return date.</source>
        <translation>Chọn thủ tục để xem ngày hẹn trả.</translation>
    </message>
</context>
<context>
    <name>KioskForm</name>
    <message>
        <source>Dossier lookup</source>
        <translation>Tra cứu hồ sơ</translation>
    </message>
    <message>
        <source>Look up your dossier</source>
        <translation>Tra cứu hồ sơ</translation>
    </message>
    <message>
        <source>Scan the barcode on your appointment slip, or type the dossier code and the last 4 digits of your citizen ID (CCCD).</source>
        <translation>Mời ông/bà quét mã vạch trên giấy hẹn trả kết quả, hoặc nhập mã hồ sơ và 4 số cuối của số CCCD.</translation>
    </message>
    <message>
        <source>Dossier code:</source>
        <translation>Mã hồ sơ:</translation>
    </message>
    <message>
        <source>Dossier code, e.g. 000.17.22.H56-261123-0001</source>
        <translation>Mã hồ sơ, ví dụ 000.17.22.H56-261123-0001</translation>
    </message>
    <message>
        <source>Last 4 digits of the CCCD:</source>
        <translation>4 số cuối CCCD:</translation>
    </message>
    <message>
        <source>Last 4 digits of the CCCD</source>
        <translation>4 số cuối của CCCD</translation>
    </message>
    <message>
        <source>Look up</source>
        <translation>Tra cứu</translation>
    </message>
    <message>
        <source>Procedures and the papers they need</source>
        <translation>Thủ tục hành chính và giấy tờ cần nộp</translation>
    </message>
    <message>
        <source>Procedure:</source>
        <translation>Thủ tục:</translation>
    </message>
    <message>
        <source>Applicant:</source>
        <translation>Người nộp:</translation>
    </message>
    <message>
        <source>Received:</source>
        <translation>Ngày nhận:</translation>
    </message>
    <message>
        <source>Return date:</source>
        <translation>Hẹn trả kết quả:</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Quay lại</translation>
    </message>
    <message>
        <source>Type a few words, with or without accents: khai sinh, chung thuc…</source>
        <translation>Gõ vài chữ, có dấu hay không dấu đều được: khai sinh, chung thuc…</translation>
    </message>
</context>
<context>
    <name>KioskWindow</name>
    <message>
        <source>Look up your dossier</source>
        <translation>Tra cứu hồ sơ</translation>
    </message>
    <message>
        <source>Procedures and the papers they need</source>
        <translation>Thủ tục hành chính và giấy tờ cần nộp</translation>
    </message>
    <message>
        <source>Type the dossier code printed on your appointment slip.</source>
        <translation>Mời nhập mã hồ sơ in trên giấy hẹn.</translation>
    </message>
    <message>
        <source>Type the last 4 digits of the citizen ID (CCCD) given when the dossier was submitted.</source>
        <translation>Mời nhập 4 số cuối của số CCCD đã khai khi nộp hồ sơ.</translation>
    </message>
    <message>
        <source>That is the ID card. Please scan the code on your appointment slip.</source>
        <translation>Đây là thẻ căn cước. Mời ông/bà quét mã trên giấy hẹn.</translation>
    </message>
    <message>
        <source>No dossier was found for this code and these digits. Check them against your appointment slip, or ask at the counter.</source>
        <translation>Không tìm thấy hồ sơ với mã và 4 số này. Mời ông/bà kiểm tra lại với giấy hẹn, hoặc hỏi cán bộ tại quầy.</translation>
    </message>
    <message>
        <source>The lookup is not available right now. Please ask at the counter.</source>
        <translation>Máy tra cứu tạm thời không dùng được. Mời ông/bà hỏi cán bộ tại quầy.</translation>
    </message>
    <message>
        <source>Too many attempts. Please wait a minute, scan your slip, or ask at the counter.</source>
        <translation>Nhập sai quá nhiều lần. Mời ông/bà đợi một phút, quét giấy hẹn, hoặc hỏi cán bộ tại quầy.</translation>
    </message>
    <message>
        <source>The result is ready.</source>
        <translation>Kết quả đã có.</translation>
    </message>
    <message>
        <source>Your dossier is being processed, and it is late: we apologise. Please ask at the counter when it will be ready.</source>
        <translation>Hồ sơ đang được giải quyết và đã quá hẹn: chúng tôi xin lỗi ông/bà. Mời ông/bà hỏi cán bộ tại quầy khi nào có kết quả.</translation>
    </message>
    <message>
        <source>Your dossier is being processed. The return date was moved (a letter of apology was sent); the new date is below.</source>
        <translation>Hồ sơ đang được giải quyết. Ngày hẹn trả đã được điều chỉnh (có văn bản xin lỗi); ngày hẹn mới ở dưới.</translation>
    </message>
    <message>
        <source>Your dossier is being processed.</source>
        <translation>Hồ sơ đang được giải quyết.</translation>
    </message>
    <message>
        <source>Your dossier needs more papers before it can be processed.</source>
        <translation>Hồ sơ cần bổ sung giấy tờ trước khi được giải quyết.</translation>
    </message>
    <message>
        <source>The result was handed over on {when}.</source>
        <translation>Kết quả đã được trả lúc {when}.</translation>
    </message>
    <message>
        <source>The dossier was not accepted. Please ask at the counter.</source>
        <translation>Hồ sơ không được tiếp nhận. Mời ông/bà hỏi cán bộ tại quầy.</translation>
    </message>
    <message>
        <source>The dossier was refused after review. Please ask at the counter.</source>
        <translation>Hồ sơ bị từ chối sau khi thẩm định. Mời ông/bà hỏi cán bộ tại quầy.</translation>
    </message>
    <message>
        <source>The processing was stopped at your request.</source>
        <translation>Hồ sơ đã dừng giải quyết theo đề nghị của ông/bà.</translation>
    </message>
    <message>
        <source>This dossier was cancelled. Please ask at the counter.</source>
        <translation>Hồ sơ này đã bị hủy. Mời ông/bà hỏi cán bộ tại quầy.</translation>
    </message>
    <message>
        <source>Please ask at the counter.</source>
        <translation>Mời ông/bà hỏi cán bộ tại quầy.</translation>
    </message>
    <message>
        <source>your appointment slip</source>
        <translation>Giấy tiếp nhận hồ sơ và hẹn trả kết quả (giấy hẹn)</translation>
    </message>
    <message>
        <source>your citizen ID card (CCCD)</source>
        <translation>Thẻ căn cước (CCCD) của người đứng tên hồ sơ</translation>
    </message>
    <message>
        <source>someone collecting for you brings a letter of authorisation and their own ID card</source>
        <translation>Người nhận thay mang giấy ủy quyền và thẻ căn cước của mình</translation>
    </message>
    <message>
        <source>the papers the counter asked for</source>
        <translation>Các giấy tờ cán bộ đã yêu cầu bổ sung</translation>
    </message>
    <message>
        <source>Please bring:</source>
        <translation>Mời ông/bà mang theo:</translation>
    </message>
    <message>
        <source>When you come to collect the result, bring:</source>
        <translation>Khi đến nhận kết quả, mời ông/bà mang theo:</translation>
    </message>
    <message>
        <source>The result is ready: please come to the counter to collect it.</source>
        <translation>Kết quả đã có, mời ông/bà đến quầy nhận</translation>
    </message>
    <message>
        <source>No procedure matches these words.</source>
        <translation>Không có thủ tục nào khớp với các chữ này.</translation>
    </message>
    <message>
        <source>{n} copy(ies)</source>
        <translation>{n} bản</translation>
    </message>
    <message>
        <source>Papers to submit</source>
        <translation>Giấy tờ phải nộp</translation>
    </message>
    <message>
        <source>Legal basis</source>
        <translation>Căn cứ pháp lý</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Mã</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Lĩnh vực</translation>
    </message>
    <message>
        <source>Processing time</source>
        <translation>Thời hạn giải quyết</translation>
    </message>
    <message>
        <source>Fee</source>
        <translation>Phí, lệ phí</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Không</translation>
    </message>
    <message>
        <source>Where to collect the result</source>
        <translation>Nơi nhận kết quả</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>Received</source>
        <translation>Đã tiếp nhận</translation>
    </message>
    <message>
        <source>Refused at intake</source>
        <translation>Từ chối tiếp nhận</translation>
    </message>
    <message>
        <source>In process</source>
        <translation>Đang xử lý</translation>
    </message>
    <message>
        <source>Waiting for supplements</source>
        <translation>Chờ bổ sung hồ sơ</translation>
    </message>
    <message>
        <source>Stopped at the applicant&apos;s request</source>
        <translation>Dừng giải quyết theo yêu cầu</translation>
    </message>
    <message>
        <source>Refused after appraisal</source>
        <translation>Từ chối sau thẩm định</translation>
    </message>
    <message>
        <source>Result ready, not collected</source>
        <translation>Có kết quả, chờ trả</translation>
    </message>
    <message>
        <source>Result returned</source>
        <translation>Đã trả kết quả</translation>
    </message>
    <message>
        <source>Voided</source>
        <translation>Đã hủy</translation>
    </message>
    <message>
        <source>Dossier received</source>
        <translation>Tiếp nhận hồ sơ</translation>
    </message>
    <message>
        <source>Supplement requested</source>
        <translation>Yêu cầu bổ sung</translation>
    </message>
    <message>
        <source>Supplemented dossier received</source>
        <translation>Nhận hồ sơ đã bổ sung</translation>
    </message>
    <message>
        <source>Handed off</source>
        <translation>Bàn giao</translation>
    </message>
    <message>
        <source>Result received</source>
        <translation>Nhận kết quả</translation>
    </message>
    <message>
        <source>Apology and new date</source>
        <translation>Xin lỗi, hẹn lại ngày trả</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Dừng giải quyết</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <source>Printed</source>
        <translation>In phiếu</translation>
    </message>
    <message>
        <source>Satisfaction rated</source>
        <translation>Đánh giá mức độ hài lòng</translation>
    </message>
    <message>
        <source>Fee recorded</source>
        <translation>Ghi nhận phí, lệ phí</translation>
    </message>
    <message>
        <source>Papers digitised</source>
        <translation>Số hóa giấy tờ</translation>
    </message>
    <message>
        <source>Very satisfied</source>
        <translation>Rất hài lòng</translation>
    </message>
    <message>
        <source>Satisfied</source>
        <translation>Hài lòng</translation>
    </message>
    <message>
        <source>Not satisfied</source>
        <translation>Không hài lòng</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>Nam</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>Nữ</translation>
    </message>
    <message>
        <source>Cash</source>
        <translation>Tiền mặt</translation>
    </message>
    <message>
        <source>Bank transfer</source>
        <translation>Chuyển khoản</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>Thẻ</translation>
    </message>
    <message>
        <source>Exempt</source>
        <translation>Miễn</translation>
    </message>
    <message>
        <source>Early</source>
        <translation>Trước hạn</translation>
    </message>
    <message>
        <source>On time</source>
        <translation>Đúng hạn</translation>
    </message>
    <message>
        <source>Late</source>
        <translation>Quá hạn</translation>
    </message>
    <message>
        <source>At the counter</source>
        <translation>Trực tiếp</translation>
    </message>
    <message>
        <source>By post</source>
        <translation>Qua bưu chính</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>Trực tuyến</translation>
    </message>
    <message>
        <source>In person</source>
        <translation>Trực tiếp</translation>
    </message>
    <message>
        <source>At the one-stop desk</source>
        <translation>Tại Bộ phận Một cửa</translation>
    </message>
    <message>
        <source>Original</source>
        <translation>Bản chính</translation>
    </message>
    <message>
        <source>Certified copy</source>
        <translation>Bản sao chứng thực</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Bản sao</translation>
    </message>
    <message>
        <source>Shown</source>
        <translation>Xuất trình</translation>
    </message>
    <message>
        <source>Receipt and appointment slip (Form 01)</source>
        <translation>Giấy tiếp nhận hồ sơ và hẹn trả kết quả (Mẫu 01)</translation>
    </message>
    <message>
        <source>Request to supplement (Form 02)</source>
        <translation>Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ (Mẫu 02)</translation>
    </message>
    <message>
        <source>Refusal to accept (Form 03)</source>
        <translation>Phiếu từ chối tiếp nhận giải quyết hồ sơ (Mẫu 03)</translation>
    </message>
    <message>
        <source>Apology and new return date (Form 04)</source>
        <translation>Văn bản xin lỗi và hẹn lại ngày trả kết quả (Mẫu 04)</translation>
    </message>
    <message>
        <source>Notice of stop (Form 05)</source>
        <translation>Thông báo dừng giải quyết hồ sơ (Mẫu 05)</translation>
    </message>
    <message>
        <source>Handoff control sheet (Form 06)</source>
        <translation>Phiếu kiểm soát quá trình giải quyết hồ sơ (Mẫu 06)</translation>
    </message>
    <message>
        <source>Dossier ledger (Form 07)</source>
        <translation>Sổ theo dõi hồ sơ (Mẫu 07)</translation>
    </message>
    <message>
        <source>Daily handoff list</source>
        <translation>Danh sách bàn giao hồ sơ trong ngày</translation>
    </message>
    <message>
        <source>Daily cash sheet (not a receipt)</source>
        <translation>Bảng kê thu phí, lệ phí trong ngày (không phải biên lai)</translation>
    </message>
    <message>
        <source>Due today</source>
        <translation>Đến hạn hôm nay</translation>
    </message>
    <message>
        <source>Due within 1 working day</source>
        <translation>Đến hạn trong 1 ngày làm việc</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Quá hạn</translation>
    </message>
    <message>
        <source>Too long at a department</source>
        <translation>Để quá lâu ở phòng ban</translation>
    </message>
    <message>
        <source>Results waiting for the citizen</source>
        <translation>Kết quả chờ trả công dân</translation>
    </message>
    <message>
        <source>Received today</source>
        <translation>Tiếp nhận hôm nay</translation>
    </message>
    <message>
        <source>One-stop desk</source>
        <translation>Bộ phận Một cửa</translation>
    </message>
    <message>
        <source>Monday</source>
        <translation>Thứ Hai</translation>
    </message>
    <message>
        <source>Tuesday</source>
        <translation>Thứ Ba</translation>
    </message>
    <message>
        <source>Wednesday</source>
        <translation>Thứ Tư</translation>
    </message>
    <message>
        <source>Thursday</source>
        <translation>Thứ Năm</translation>
    </message>
    <message>
        <source>Friday</source>
        <translation>Thứ Sáu</translation>
    </message>
    <message>
        <source>Saturday</source>
        <translation>Thứ Bảy</translation>
    </message>
    <message>
        <source>Sunday</source>
        <translation>Chủ nhật</translation>
    </message>
    <message>
        <source>{time}, {weekday} {date}</source>
        <translation>{time}, {weekday} {date}</translation>
    </message>
</context>
<context>
    <name>LateModel</name>
    <message>
        <source>Department</source>
        <translation>Cơ quan, đơn vị</translation>
    </message>
    <message>
        <source>Dossier code</source>
        <translation>Mã hồ sơ</translation>
    </message>
    <message>
        <source>Procedure</source>
        <translation>Thủ tục</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Hạn giải quyết</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Tình trạng</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>Có kết quả</translation>
    </message>
    <message>
        <source>Apology (Form 04)</source>
        <translation>Văn bản xin lỗi (Mẫu 04)</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Lý do</translation>
    </message>
    <message>
        <source>Resolved late</source>
        <translation>Đã giải quyết quá hạn</translation>
    </message>
    <message>
        <source>In progress, overdue</source>
        <translation>Đang giải quyết, quá hạn</translation>
    </message>
    <message>
        <source>Extended, in progress</source>
        <translation>Đã gia hạn, đang giải quyết</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Chưa có</translation>
    </message>
    <message>
        <source>(late)</source>
        <translation>(muộn)</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>DEMO — sample agency: the forms printed here have no legal value.</source>
        <translation>DÙNG THỬ — đơn vị mẫu: các phiếu in ra không có giá trị pháp lý.</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>Tệ&amp;p</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>Đ&amp;i tới</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Trợ &amp;giúp</translation>
    </message>
    <message>
        <source>Set up the desk</source>
        <translation>Thiết lập quầy</translation>
    </message>
    <message>
        <source>The desk is not set up yet, and nothing was saved.</source>
        <translation>Quầy chưa được thiết lập, chưa có gì được lưu.</translation>
    </message>
    <message>
        <source>&amp;Set up now</source>
        <translation>&amp;Thiết lập ngay</translation>
    </message>
    <message>
        <source>&amp;Quit the program</source>
        <translation>T&amp;hoát chương trình</translation>
    </message>
    <message>
        <source>The check of this desk&apos;s records found {n} problem(s): some records were changed or removed outside the program. Keep this database as it is: do not restore a backup over it and do not delete it. Contact IT now (they run &apos;motcua-desk verify&apos; and compare with the office server).</source>
        <translation>Kiểm tra dữ liệu của bàn tiếp nhận này phát hiện {n} chỗ sai lệch: một số bản ghi đã bị sửa hoặc xóa bên ngoài chương trình. Hãy giữ nguyên cơ sở dữ liệu này: không khôi phục bản sao lưu đè lên và không xóa nó. Hãy báo ngay bộ phận CNTT (họ sẽ chạy &apos;motcua-desk verify&apos; và đối chiếu với máy chủ của văn phòng).</translation>
    </message>
    <message>
        <source>⚠ Records altered: contact IT</source>
        <translation>⚠ Dữ liệu bị sửa đổi: hãy báo bộ phận CNTT</translation>
    </message>
    <message>
        <source>Opening the database…</source>
        <translation>Đang mở cơ sở dữ liệu…</translation>
    </message>
    <message>
        <source>Officer: {name}</source>
        <translation>Cán bộ: {name}</translation>
    </message>
    <message>
        <source>Desk {n} · {agency}</source>
        <translation>Bàn {n} · {agency}</translation>
    </message>
    <message>
        <source>Desk {n}</source>
        <translation>Bàn {n}</translation>
    </message>
    <message>
        <source>DEMO</source>
        <translation>DÙNG THỬ</translation>
    </message>
    <message>
        <source>Database: {path}</source>
        <translation>CSDL: {path}</translation>
    </message>
    <message>
        <source>{n} new sync exception(s): another desk acted on the same dossier at the same time. Look at them now.</source>
        <translation>Có {n} ngoại lệ đồng bộ mới: một bàn khác đã thao tác trên cùng hồ sơ vào cùng lúc. Hãy xem ngay.</translation>
    </message>
    <message>
        <source>See the sync exceptions</source>
        <translation>Xem ngoại lệ đồng bộ</translation>
    </message>
    <message>
        <source>No dossier has the code {code}.</source>
        <translation>Không có hồ sơ nào mang mã {code}.</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Phím tắt</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Phím</translation>
    </message>
    <message>
        <source>Does</source>
        <translation>Chức năng</translation>
    </message>
    <message>
        <source>In dialogs and screens</source>
        <translation>Trong hộp thoại và màn hình</translation>
    </message>
    <message>
        <source>Barcode scanner: scan anywhere in the window to open the dossier; on the Handoff screen a scan adds it to the list; on the Return screen it opens the result to return.</source>
        <translation>Máy quét mã vạch: quét ở bất kỳ đâu trong cửa sổ để mở hồ sơ; ở màn hình Bàn giao, mã quét được thêm vào danh sách; ở màn hình Trả kết quả, mã quét mở kết quả cần trả.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <source>{n} event(s) have not been sent to the server yet.</source>
        <translation>Còn {n} sự kiện chưa gửi lên máy chủ.</translation>
    </message>
    <message>
        <source>They are kept safely on this computer and are sent when the program runs again and the server answers. Close anyway?</source>
        <translation>Các sự kiện này vẫn được lưu an toàn trên máy này và sẽ được gửi khi chương trình chạy lại và máy chủ trả lời. Vẫn đóng chương trình?</translation>
    </message>
    <message>
        <source>Close anyway</source>
        <translation>Vẫn đóng</translation>
    </message>
    <message>
        <source>Stay</source>
        <translation>Ở lại</translation>
    </message>
    <message>
        <source>Stopping sync before closing…</source>
        <translation>Đang dừng đồng bộ trước khi đóng…</translation>
    </message>
</context>
<context>
    <name>MonthBars</name>
    <message>
        <source>No figures yet: choose a period and press Compute.</source>
        <translation>Chưa có số liệu: chọn kỳ báo cáo rồi bấm Tính.</translation>
    </message>
    <message>
        <source>Light: received (3) · dark: resolved (7) · above: resolved early or on time, ((8)+(9))/(7)</source>
        <translation>Cột nhạt: tiếp nhận (3) · cột đậm: đã giải quyết (7) · số trên cột: tỷ lệ giải quyết trước hạn và đúng hạn, ((8)+(9))/(7)</translation>
    </message>
</context>
<context>
    <name>PapersForm</name>
    <message>
        <source>Attach the new scan</source>
        <translation>Gắn bản quét mới</translation>
    </message>
    <message>
        <source>Not for this dossier</source>
        <translation>Không phải của hồ sơ này</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Giấy tờ</translation>
    </message>
    <message>
        <source>Digitisation</source>
        <translation>Số hóa</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>Số trang</translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation>Cảnh báo</translation>
    </message>
    <message>
        <source>Attach a scan…</source>
        <translation>Gắn bản quét…</translation>
    </message>
    <message>
        <source>Open the file</source>
        <translation>Mở tệp</translation>
    </message>
    <message>
        <source>Shown only</source>
        <translation>Chỉ xuất trình</translation>
    </message>
    <message>
        <source>Classified</source>
        <translation>Tài liệu mật</translation>
    </message>
    <message>
        <source>Reuse</source>
        <translation>Dùng lại</translation>
    </message>
    <message>
        <source>Drop a PDF or images here to attach them to the selected document (several images become one PDF). Scans are not digitally signed.</source>
        <translation>Kéo thả tệp PDF hoặc ảnh vào đây để gắn vào giấy tờ đang chọn (nhiều ảnh được ghép thành một tệp PDF). Bản quét chưa được ký số.</translation>
    </message>
</context>
<context>
    <name>PapersView</name>
    <message>
        <source>Digitised — not digitally signed</source>
        <translation>Đã số hóa — chưa ký số</translation>
    </message>
    <message>
        <source>Shown only (no copy kept)</source>
        <translation>Chỉ xuất trình (không lưu bản sao)</translation>
    </message>
    <message>
        <source>Reused from dossier {code}</source>
        <translation>Dùng lại từ hồ sơ {code}</translation>
    </message>
    <message>
        <source>Classified (not digitised)</source>
        <translation>Tài liệu mật (không số hóa)</translation>
    </message>
    <message>
        <source>Shown at the counter (nothing to copy)</source>
        <translation>Xuất trình tại quầy (không cần sao)</translation>
    </message>
    <message>
        <source>Not digitised yet</source>
        <translation>Chưa số hóa</translation>
    </message>
    <message>
        <source>The scan&apos;s page count differs from the pages declared</source>
        <translation>Số trang của bản quét khác số trang đã khai</translation>
    </message>
    <message>
        <source>A page is scanned below 200 dpi</source>
        <translation>Có trang quét dưới 200 dpi</translation>
    </message>
    <message>
        <source>A stamped page is scanned in black and white</source>
        <translation>Trang có đóng dấu được quét đen trắng</translation>
    </message>
    <message>
        <source>Reuse from dossier {code}: {name}</source>
        <translation>Dùng lại từ hồ sơ {code}: {name}</translation>
    </message>
    <message>
        <source>Page {n} of {count}</source>
        <translation>Trang {n}/{count}</translation>
    </message>
    <message>
        <source>Attach a scan</source>
        <translation>Gắn bản quét</translation>
    </message>
    <message>
        <source>Scans (PDF or images) ({patterns})</source>
        <translation>Bản quét (PDF hoặc ảnh) ({patterns})</translation>
    </message>
    <message>
        <source>Scan attached to document {n}: {pages} page(s), not digitally signed.</source>
        <translation>Đã gắn bản quét vào giấy tờ số {n}: {pages} trang, chưa ký số.</translation>
    </message>
    <message>
        <source>The file could not be moved into da-gan: move it by hand.</source>
        <translation>Không chuyển được tệp vào thư mục da-gan: hãy chuyển bằng tay.</translation>
    </message>
    <message>
        <source>Document {n} reuses the paper of dossier {code}.</source>
        <translation>Giấy tờ số {n} dùng lại giấy tờ của hồ sơ {code}.</translation>
    </message>
    <message>
        <source>New scan: {file} — attach it to document {n}: {name}?</source>
        <translation>Có bản quét mới: {file} — Gắn vào giấy tờ số {n}: {name}?</translation>
    </message>
    <message>
        <source>(it takes the place of the file attached now)</source>
        <translation>(thay cho tệp đang gắn)</translation>
    </message>
    <message>
        <source>({more} more waiting)</source>
        <translation>(còn {more} bản quét đang chờ)</translation>
    </message>
    <message>
        <source>Attach</source>
        <translation>Gắn</translation>
    </message>
</context>
<context>
    <name>PdfPreviewDialog</name>
    <message>
        <source>&amp;Print</source>
        <translation>&amp;In</translation>
    </message>
    <message>
        <source>&amp;Save as PDF…</source>
        <translation>&amp;Lưu thành PDF…</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>Đón&amp;g</translation>
    </message>
    <message>
        <source>default printer</source>
        <translation>máy in mặc định</translation>
    </message>
    <message>
        <source>Printer: {name}</source>
        <translation>Máy in: {name}</translation>
    </message>
    <message>
        <source>Print {title}</source>
        <translation>In {title}</translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation>Lưu thành PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Tệp PDF (*.pdf)</translation>
    </message>
</context>
<context>
    <name>PrintFlow</name>
    <message>
        <source>The printer {name} did not accept the job: nothing was printed or recorded. Check that it is on and try again.</source>
        <translation>Máy in {name} không nhận lệnh in: chưa in và chưa ghi nhận gì. Hãy kiểm tra máy in đã bật rồi thử lại.</translation>
    </message>
    <message>
        <source>Printing is not available in this installation (the printing module is missing).</source>
        <translation>Bản cài đặt này chưa in được (thiếu mô-đun in ấn).</translation>
    </message>
</context>
<context>
    <name>PrintForm</name>
    <message>
        <source>Fro&amp;m:</source>
        <translation>&amp;Từ ngày:</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>Đến ngà&amp;y:</translation>
    </message>
    <message>
        <source>Print the &amp;ledger</source>
        <translation>In &amp;sổ theo dõi</translation>
    </message>
    <message>
        <source>&amp;Day:</source>
        <translation>&amp;Ngày:</translation>
    </message>
    <message>
        <source>De&amp;partment:</source>
        <translation>P&amp;hòng ban:</translation>
    </message>
    <message>
        <source>Print the hand&amp;off list</source>
        <translation>In &amp;danh sách bàn giao</translation>
    </message>
    <message>
        <source>Daily cash sheet (not a receipt)</source>
        <translation>Bảng kê thu phí, lệ phí trong ngày (không phải biên lai)</translation>
    </message>
    <message>
        <source>D&amp;ate:</source>
        <translation>Ngày th&amp;u:</translation>
    </message>
    <message>
        <source>Off&amp;icer:</source>
        <translation>&amp;Cán bộ thu:</translation>
    </message>
    <message>
        <source>every officer</source>
        <translation>tất cả cán bộ</translation>
    </message>
    <message>
        <source>Print the &amp;cash sheet</source>
        <translation>In &amp;bảng kê thu</translation>
    </message>
    <message>
        <source>Save as &amp;Excel…</source>
        <translation>Lưu thành &amp;Excel…</translation>
    </message>
    <message>
        <source>Each document opens in a preview first; print it from there (Ctrl+P). The printer and paper are remembered per document.</source>
        <translation>Mỗi tài liệu được mở để xem trước; in từ cửa sổ xem trước (Ctrl+P). Máy in và khổ giấy được ghi nhớ cho từng loại tài liệu.</translation>
    </message>
</context>
<context>
    <name>PrintView</name>
    <message>
        <source>All departments</source>
        <translation>Tất cả phòng ban</translation>
    </message>
    <message>
        <source>Ledger {first} – {last}</source>
        <translation>Sổ theo dõi hồ sơ {first} – {last}</translation>
    </message>
    <message>
        <source>Handoff list {day}</source>
        <translation>Danh sách bàn giao ngày {day}</translation>
    </message>
    <message>
        <source>Cash sheet {day} (not a receipt)</source>
        <translation>Bảng kê thu phí, lệ phí ngày {day} (không phải biên lai)</translation>
    </message>
    <message>
        <source>Save the cash sheet</source>
        <translation>Lưu bảng kê thu</translation>
    </message>
    <message>
        <source>Excel files (*.xlsx)</source>
        <translation>Tệp Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>Saved {path}</source>
        <translation>Đã lưu {path}</translation>
    </message>
</context>
<context>
    <name>QAbstractSpinBox</name>
    <message>
        <source>&amp;Select All</source>
        <translation>&amp;Chọn tất cả</translation>
    </message>
    <message>
        <source>&amp;Step up</source>
        <translation>&amp;Tăng</translation>
    </message>
    <message>
        <source>Step &amp;down</source>
        <translation>&amp;Giảm</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Xóa</translation>
    </message>
    <message>
        <source>&amp;Look in:</source>
        <translation>&amp;Tìm trong:</translation>
    </message>
    <message>
        <source>&amp;New Folder</source>
        <translation>Thư mục &amp;mới</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Mở</translation>
    </message>
    <message>
        <source>&amp;Rename</source>
        <translation>Đổi &amp;tên</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Lưu</translation>
    </message>
    <message>
        <source>All Files (*)</source>
        <translation>Mọi tệp (*)</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Lùi</translation>
    </message>
    <message>
        <source>Change to detail view mode</source>
        <translation>Chuyển sang xem chi tiết</translation>
    </message>
    <message>
        <source>Change to list view mode</source>
        <translation>Chuyển sang xem danh sách</translation>
    </message>
    <message>
        <source>Create New Folder</source>
        <translation>Tạo thư mục mới</translation>
    </message>
    <message>
        <source>Create a New Folder</source>
        <translation>Tạo một thư mục mới</translation>
    </message>
    <message>
        <source>Detail View</source>
        <translation>Xem chi tiết</translation>
    </message>
    <message>
        <source>File &amp;name:</source>
        <translation>Tên &amp;tệp:</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Tệp</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>&amp;Loại tệp:</translation>
    </message>
    <message>
        <source>Forward</source>
        <translation>Tiến</translation>
    </message>
    <message>
        <source>Go back</source>
        <translation>Quay lại</translation>
    </message>
    <message>
        <source>Go forward</source>
        <translation>Đi tiếp</translation>
    </message>
    <message>
        <source>Go to the parent directory</source>
        <translation>Lên thư mục cha</translation>
    </message>
    <message>
        <source>List View</source>
        <translation>Xem danh sách</translation>
    </message>
    <message>
        <source>List of places and bookmarks</source>
        <translation>Danh sách nơi lưu và dấu trang</translation>
    </message>
    <message>
        <source>Parent Directory</source>
        <translation>Thư mục cha</translation>
    </message>
    <message>
        <source>Show &amp;hidden files</source>
        <translation>&amp;Hiện tệp ẩn</translation>
    </message>
    <message>
        <source>Sidebar</source>
        <translation>Thanh bên</translation>
    </message>
</context>
<context>
    <name>QFileSystemModel</name>
    <message>
        <source>Computer</source>
        <translation>Máy tính</translation>
    </message>
    <message>
        <source>Date Modified</source>
        <translation>Ngày sửa</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Tên</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Kích thước</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Loại</translation>
    </message>
</context>
<context>
    <name>QLineEdit</name>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Hoàn tác</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Làm lại</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation>&amp;Cắt</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Sao chép</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>&amp;Dán</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Xóa</translation>
    </message>
    <message>
        <source>Select All</source>
        <translation>Chọn tất cả</translation>
    </message>
</context>
<context>
    <name>QPlatformTheme</name>
    <message>
        <source>OK</source>
        <translation>Đồng ý</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Lưu</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Mở</translation>
    </message>
    <message>
        <source>&amp;Yes</source>
        <translation>&amp;Có</translation>
    </message>
    <message>
        <source>&amp;No</source>
        <translation>&amp;Không</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Bỏ qua</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>Trợ giúp</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Áp dụng</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>Đặt lại</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Thử lại</translation>
    </message>
    <message>
        <source>Ignore</source>
        <translation>Bỏ qua</translation>
    </message>
    <message>
        <source>Abort</source>
        <translation>Hủy bỏ</translation>
    </message>
</context>
<context>
    <name>QPrintDialog</name>
    <message>
        <source>&amp;Options &gt;&gt;</source>
        <translation>&amp;Tùy chọn &gt;&gt;</translation>
    </message>
    <message>
        <source>&amp;Print</source>
        <translation>&amp;In</translation>
    </message>
    <message>
        <source>All Pages</source>
        <translation>Mọi trang</translation>
    </message>
    <message>
        <source>Even Pages</source>
        <translation>Trang chẵn</translation>
    </message>
    <message>
        <source>Local file</source>
        <translation>Tệp trên máy</translation>
    </message>
    <message>
        <source>Odd Pages</source>
        <translation>Trang lẻ</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>In</translation>
    </message>
    <message>
        <source>Print to File (PDF)</source>
        <translation>In ra tệp (PDF)</translation>
    </message>
    <message>
        <source>Write PDF file</source>
        <translation>Ghi tệp PDF</translation>
    </message>
</context>
<context>
    <name>QPrintSettingsOutput</name>
    <message>
        <source>Collate</source>
        <translation>Sắp theo bộ</translation>
    </message>
    <message>
        <source>Color</source>
        <translation>Màu</translation>
    </message>
    <message>
        <source>Color Mode</source>
        <translation>Chế độ màu</translation>
    </message>
    <message>
        <source>Copies</source>
        <translation>Số bản</translation>
    </message>
    <message>
        <source>Copies:</source>
        <translation>Số bản:</translation>
    </message>
    <message>
        <source>Current Page</source>
        <translation>Trang hiện tại</translation>
    </message>
    <message>
        <source>Double Sided Printing</source>
        <translation>In hai mặt</translation>
    </message>
    <message>
        <source>Grayscale</source>
        <translation>Thang xám</translation>
    </message>
    <message>
        <source>Long side binding</source>
        <translation>Đóng gáy cạnh dài</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Tắt</translation>
    </message>
    <message>
        <source>Options</source>
        <translation>Tùy chọn</translation>
    </message>
    <message>
        <source>Output Settings</source>
        <translation>Thiết lập in</translation>
    </message>
    <message>
        <source>Page &amp;Set:</source>
        <translation>&amp;Nhóm trang:</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>Trang</translation>
    </message>
    <message>
        <source>Pages from</source>
        <translation>Từ trang</translation>
    </message>
    <message>
        <source>Print all</source>
        <translation>In tất cả</translation>
    </message>
    <message>
        <source>Print range</source>
        <translation>Phạm vi in</translation>
    </message>
    <message>
        <source>Reverse</source>
        <translation>Đảo thứ tự</translation>
    </message>
    <message>
        <source>Selection</source>
        <translation>Phần đã chọn</translation>
    </message>
    <message>
        <source>Short side binding</source>
        <translation>Đóng gáy cạnh ngắn</translation>
    </message>
    <message>
        <source>Specify pages or ranges separated by commas. Ranges are specified by two numbers separated by a hyphen. E.g: 3,5-7,9 prints pages 3, 5, 6, 7 and 9.</source>
        <translation>Ghi các trang hoặc khoảng trang, cách nhau bằng dấu phẩy; một khoảng là hai số nối bằng gạch ngang. Ví dụ: 3,5-7,9 in các trang 3, 5, 6, 7 và 9.</translation>
    </message>
    <message>
        <source>to</source>
        <translation>đến</translation>
    </message>
</context>
<context>
    <name>QPrintWidget</name>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Tên:</translation>
    </message>
    <message>
        <source>Location:</source>
        <translation>Vị trí:</translation>
    </message>
    <message>
        <source>Output &amp;file:</source>
        <translation>&amp;Tệp ra:</translation>
    </message>
    <message>
        <source>P&amp;roperties</source>
        <translation>&amp;Thuộc tính</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Xem trước</translation>
    </message>
    <message>
        <source>Printer</source>
        <translation>Máy in</translation>
    </message>
    <message>
        <source>Type:</source>
        <translation>Loại:</translation>
    </message>
</context>
<context>
    <name>QWidgetTextControl</name>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Hoàn tác</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Làm lại</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation>&amp;Cắt</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Sao chép</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>&amp;Dán</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Xóa</translation>
    </message>
    <message>
        <source>Select All</source>
        <translation>Chọn tất cả</translation>
    </message>
    <message>
        <source>Copy &amp;Link Location</source>
        <translation>Sao chép địa chỉ &amp;liên kết</translation>
    </message>
</context>
<context>
    <name>QualityModel</name>
    <message>
        <source>Dossier code</source>
        <translation>Mã hồ sơ</translation>
    </message>
    <message>
        <source>Procedure</source>
        <translation>Thủ tục</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Kênh tiếp nhận</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Ngày tiếp nhận</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>Ngày có kết quả</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Kết quả</translation>
    </message>
    <message>
        <source>Statutory (working days)</source>
        <translation>Thời hạn quy định (ngày làm việc)</translation>
    </message>
    <message>
        <source>Actual (working days)</source>
        <translation>Thời gian thực tế (ngày làm việc)</translation>
    </message>
    <message>
        <source>Supplement requests</source>
        <translation>Số lần yêu cầu bổ sung</translation>
    </message>
    <message>
        <source>Departments (working days)</source>
        <translation>Các bộ phận tham gia (ngày làm việc)</translation>
    </message>
    <message>
        <source>Early</source>
        <translation>Trước hạn</translation>
    </message>
    <message>
        <source>On time</source>
        <translation>Đúng hạn</translation>
    </message>
    <message>
        <source>Late</source>
        <translation>Quá hạn</translation>
    </message>
    <message>
        <source>In progress, within the deadline</source>
        <translation>Đang giải quyết, trong hạn</translation>
    </message>
    <message>
        <source>In progress, overdue</source>
        <translation>Đang giải quyết, quá hạn</translation>
    </message>
</context>
<context>
    <name>RatingPrompt</name>
    <message>
        <source>{code}: how satisfied is the citizen? Press 1, 2 or 3 (Esc skips).</source>
        <translation>{code}: công dân có hài lòng không? Nhấn 1, 2 hoặc 3 (Esc để bỏ qua).</translation>
    </message>
    <message>
        <source>{code}: rating recorded ({rating}).</source>
        <translation>{code}: đã ghi nhận đánh giá ({rating}).</translation>
    </message>
</context>
<context>
    <name>RatingPromptForm</name>
    <message>
        <source>1 — Very satisfied</source>
        <translation>1 — Rất hài lòng</translation>
    </message>
    <message>
        <source>2 — Satisfied</source>
        <translation>2 — Hài lòng</translation>
    </message>
    <message>
        <source>3 — Not satisfied</source>
        <translation>3 — Không hài lòng</translation>
    </message>
    <message>
        <source>Skip (Esc)</source>
        <translation>Bỏ qua (Esc)</translation>
    </message>
    <message>
        <source>Why is the citizen not satisfied? (required; Enter saves)</source>
        <translation>Vì sao công dân không hài lòng? (bắt buộc; nhấn Enter để lưu)</translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <source>Write the reason: it is printed on the form.</source>
        <translation>Hãy ghi lý do: lý do được in trên phiếu.</translation>
    </message>
</context>
<context>
    <name>ReceiveResultDialog</name>
    <message>
        <source>Result received</source>
        <translation>Nhận kết quả</translation>
    </message>
    <message>
        <source>&amp;Record</source>
        <translation>&amp;Ghi nhận</translation>
    </message>
    <message>
        <source>The result comes back from: {unit}</source>
        <translation>Kết quả được chuyển về từ: {unit}</translation>
    </message>
    <message>
        <source>&amp;Brought by:</source>
        <translation>&amp;Người mang đến:</translation>
    </message>
</context>
<context>
    <name>ReportsForm</name>
    <message>
        <source>Peri&amp;od:</source>
        <translation>&amp;Kỳ báo cáo:</translation>
    </message>
    <message>
        <source>&amp;Compute</source>
        <translation>&amp;Tính</translation>
    </message>
    <message>
        <source>Export &amp;PDF…</source>
        <translation>Xuất P&amp;DF…</translation>
    </message>
    <message>
        <source>Export &amp;Excel…</source>
        <translation>Xuất &amp;Excel…</translation>
    </message>
    <message>
        <source>Form 06 (Biểu 06)</source>
        <translation>Biểu 06</translation>
    </message>
    <message>
        <source>Double-click a figure to list the dossiers behind it.</source>
        <translation>Nhấp đúp vào một số liệu để xem danh sách hồ sơ tương ứng.</translation>
    </message>
    <message>
        <source>Late dossiers and apologies</source>
        <translation>Hồ sơ quá hạn và văn bản xin lỗi</translation>
    </message>
    <message>
        <source>Double-click a dossier to open it.</source>
        <translation>Nhấp đúp vào một hồ sơ để mở.</translation>
    </message>
    <message>
        <source>QĐ 766 self-check</source>
        <translation>Tự đánh giá theo QĐ 766</translation>
    </message>
    <message>
        <source>Double-click an index to list the dossiers that lower it.</source>
        <translation>Nhấp đúp vào một chỉ số để xem các hồ sơ làm giảm điểm.</translation>
    </message>
    <message>
        <source>Index</source>
        <translation>Chỉ số</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Kết quả</translation>
    </message>
    <message>
        <source>Formula</source>
        <translation>Cách tính</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <source>Dossiers lowering it</source>
        <translation>Số hồ sơ làm giảm điểm</translation>
    </message>
    <message>
        <source>Handoff steps</source>
        <translation>Bước chuyển hồ sơ</translation>
    </message>
    <message>
        <source>A step runs from the handoff that brings the dossier to a unit to the one that takes it on (another department, the result or refusal back, a request for supplements); the desk&apos;s step from receipt to the handoff. Times in working days of the office&apos;s hours.</source>
        <translation>Một bước: từ lúc bộ phận nhận hồ sơ đến lúc chuyển đi (bộ phận khác, trả kết quả hoặc từ chối, yêu cầu bổ sung); bước của Bộ phận Một cửa: từ lúc tiếp nhận đến lúc chuyển hồ sơ. Thời gian tính bằng ngày làm việc theo giờ làm việc của cơ quan.</translation>
    </message>
    <message>
        <source>Quality (TT 01/2018)</source>
        <translation>Chỉ số chất lượng (TT 01/2018)</translation>
    </message>
</context>
<context>
    <name>ReportsView</name>
    <message>
        <source>This month</source>
        <translation>Tháng này</translation>
    </message>
    <message>
        <source>Last month</source>
        <translation>Tháng trước</translation>
    </message>
    <message>
        <source>This quarter</source>
        <translation>Quý này</translation>
    </message>
    <message>
        <source>This year</source>
        <translation>Năm nay</translation>
    </message>
    <message>
        <source>From – to…</source>
        <translation>Từ ngày – đến ngày…</translation>
    </message>
    <message>
        <source>This desk</source>
        <translation>Quầy này</translation>
    </message>
    <message>
        <source>Whole office</source>
        <translation>Toàn đơn vị</translation>
    </message>
    <message>
        <source>Office, desk {n}</source>
        <translation>Đơn vị, quầy số {n}</translation>
    </message>
    <message>
        <source>By field and procedure</source>
        <translation>Theo lĩnh vực và thủ tục</translation>
    </message>
    <message>
        <source>By department</source>
        <translation>Theo cơ quan, đơn vị</translation>
    </message>
    <message>
        <source>By procedure</source>
        <translation>Theo thủ tục</translation>
    </message>
    <message>
        <source>By field group</source>
        <translation>Theo nhóm lĩnh vực</translation>
    </message>
    <message>
        <source>All fields</source>
        <translation>Tất cả lĩnh vực</translation>
    </message>
    <message>
        <source>Unit (handoff step)</source>
        <translation>Bộ phận (bước chuyển)</translation>
    </message>
    <message>
        <source>Steps finished</source>
        <translation>Số bước đã chuyển</translation>
    </message>
    <message>
        <source>Early</source>
        <translation>Trước hạn</translation>
    </message>
    <message>
        <source>On time</source>
        <translation>Đúng hạn</translation>
    </message>
    <message>
        <source>Late</source>
        <translation>Quá hạn</translation>
    </message>
    <message>
        <source>Early or on time</source>
        <translation>Trước và đúng hạn</translation>
    </message>
    <message>
        <source>Average (working days)</source>
        <translation>Trung bình (ngày làm việc)</translation>
    </message>
    <message>
        <source>Held at the end</source>
        <translation>Đang giữ cuối kỳ</translation>
    </message>
    <message>
        <source>Of which overdue</source>
        <translation>Trong đó quá hạn</translation>
    </message>
    <message>
        <source>Group: {name}</source>
        <translation>Nhóm: {name}</translation>
    </message>
    <message>
        <source>Computing…</source>
        <translation>Đang tính…</translation>
    </message>
    <message>
        <source>{first} – {last} ({scope}): received {received}; resolved {resolved} ({resolved_pct}); early or on time {good} ({good_pct} of resolved), late {late}; in progress {pending} ({overdue} overdue).</source>
        <translation>{first} – {last} ({scope}): tiếp nhận {received}; đã giải quyết {resolved} ({resolved_pct}); trước và đúng hạn {good} ({good_pct} số đã giải quyết), quá hạn {late}; đang giải quyết {pending} ({overdue} quá hạn).</translation>
    </message>
    <message>
        <source>Computing the handoff steps and the quality facts…</source>
        <translation>Đang tính các bước chuyển và chỉ số chất lượng…</translation>
    </message>
    <message>
        <source>Reception desk (transfer)</source>
        <translation>Bộ phận Một cửa (chuyển hồ sơ)</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Tổng cộng</translation>
    </message>
    <message>
        <source>{n} dossier(s), {done} finished, {within} of them early or on time ({within_pct}). Actual time on average {actual} working days against a statutory {statutory}. Supplement requests: {supp} (on {supp_d} dossier(s); more than once: {supp_2}). Departments involved on average: {depts}; through several departments: {several}. Channels: online {online}, direct {direct}, by post {post}.</source>
        <translation>{n} hồ sơ, đã giải quyết {done}, trong đó trước và đúng hạn {within} ({within_pct}). Thời gian thực tế trung bình {actual} ngày làm việc, so với thời hạn quy định {statutory}. Yêu cầu bổ sung: {supp} lần (trên {supp_d} hồ sơ; quá 1 lần: {supp_2}). Số bộ phận tham gia trung bình: {depts}; qua nhiều bộ phận: {several}. Kênh tiếp nhận: trực tuyến {online}, trực tiếp {direct}, bưu chính {post}.</translation>
    </message>
    <message>
        <source>No dossier is behind this figure.</source>
        <translation>Không có hồ sơ nào ứng với số liệu này.</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Tệp PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Excel files (*.xlsx)</source>
        <translation>Tệp Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>Export PDF</source>
        <translation>Xuất PDF</translation>
    </message>
    <message>
        <source>Export Excel</source>
        <translation>Xuất Excel</translation>
    </message>
    <message>
        <source>Saved {path}</source>
        <translation>Đã lưu {path}</translation>
    </message>
</context>
<context>
    <name>ReturnDialog</name>
    <message>
        <source>Return the result</source>
        <translation>Trả kết quả</translation>
    </message>
    <message>
        <source>&amp;Return</source>
        <translation>T&amp;rả kết quả</translation>
    </message>
    <message>
        <source>12 digits (optional)</source>
        <translation>12 chữ số (không bắt buộc)</translation>
    </message>
    <message>
        <source>&amp;Collected by:</source>
        <translation>&amp;Người nhận:</translation>
    </message>
    <message>
        <source>Citizen &amp;ID:</source>
        <translation>Số CCC&amp;D:</translation>
    </message>
    <message>
        <source>&amp;How:</source>
        <translation>&amp;Hình thức:</translation>
    </message>
</context>
<context>
    <name>ReturnForm</name>
    <message>
        <source>D&amp;ossier code:</source>
        <translation>&amp;Mã hồ sơ:</translation>
    </message>
    <message>
        <source>Scan the slip, or type the code and press Enter</source>
        <translation>Quét phiếu hẹn, hoặc gõ mã hồ sơ rồi nhấn Enter</translation>
    </message>
    <message>
        <source>A window with the three choices, big, for a second screen turned to the citizen (a USB keypad works too: 1, 2, 3; 0 skips).</source>
        <translation>Cửa sổ với ba lựa chọn chữ lớn, để trên màn hình thứ hai quay về phía công dân (bàn phím số USB cũng dùng được: 1, 2, 3; 0 là bỏ qua).</translation>
    </message>
    <message>
        <source>Rating screen for the citizen…</source>
        <translation>Màn hình đánh giá cho công dân…</translation>
    </message>
    <message>
        <source>Result to return</source>
        <translation>Kết quả cần trả</translation>
    </message>
    <message>
        <source>Collected &amp;by:</source>
        <translation>&amp;Người nhận:</translation>
    </message>
    <message>
        <source>Citizen &amp;ID:</source>
        <translation>Số CCC&amp;D:</translation>
    </message>
    <message>
        <source>12 digits (optional)</source>
        <translation>12 chữ số (không bắt buộc)</translation>
    </message>
    <message>
        <source>Ho&amp;w:</source>
        <translation>&amp;Hình thức:</translation>
    </message>
    <message>
        <source>&amp;Record the return</source>
        <translation>Ghi nhận &amp;trả kết quả</translation>
    </message>
    <message>
        <source>Results waiting for the citizen</source>
        <translation>Kết quả chờ trả công dân</translation>
    </message>
</context>
<context>
    <name>ReturnView</name>
    <message>
        <source>Double scan of {code}: it is already open.</source>
        <translation>Quét trùng mã {code}: hồ sơ đang được mở.</translation>
    </message>
    <message>
        <source>No dossier chosen.</source>
        <translation>Chưa chọn hồ sơ.</translation>
    </message>
    <message>
        <source>&lt;b&gt;{code}&lt;/b&gt; — {status}&lt;br&gt;{applicant} · {procedure}&lt;br&gt;Received {received}, return at {due}</source>
        <translation>&lt;b&gt;{code}&lt;/b&gt; — {status}&lt;br&gt;{applicant} · {procedure}&lt;br&gt;Tiếp nhận {received}, hẹn trả {due}</translation>
    </message>
    <message>
        <source>There is no result to return: the dossier is “{status}”.</source>
        <translation>Chưa có kết quả để trả: hồ sơ đang ở trạng thái “{status}”.</translation>
    </message>
    <message>
        <source>{code}: result returned to {name}.</source>
        <translation>{code}: đã trả kết quả cho {name}.</translation>
    </message>
</context>
<context>
    <name>ScanRouter</name>
    <message>
        <source>A dialog is open: close it, then scan {code} again.</source>
        <translation>Đang mở một hộp thoại: hãy đóng lại rồi quét lại mã {code}.</translation>
    </message>
    <message>
        <source>Double scan of {code}: it is already open.</source>
        <translation>Quét trùng mã {code}: hồ sơ đang được mở.</translation>
    </message>
    <message>
        <source>The scanner on {port} is connected again.</source>
        <translation>Máy quét ở cổng {port} đã kết nối lại.</translation>
    </message>
    <message>
        <source>The scanner on {port} is not connected: check its cable (or the port in Settings). The program keeps trying; the keyboard and a keyboard-mode scanner still work.</source>
        <translation>Máy quét ở cổng {port} không kết nối: kiểm tra dây cáp (hoặc cổng trong Cài đặt). Chương trình vẫn tự thử lại; bàn phím và máy quét kiểu bàn phím vẫn dùng được.</translation>
    </message>
    <message>
        <source>A scan longer than 512 characters was ignored: scan again.</source>
        <translation>Mã quét dài quá 512 ký tự nên đã bị bỏ qua: quét lại.</translation>
    </message>
    <message>
        <source>A scan that is not UTF-8 text was ignored: set the scanner to send UTF-8, then scan again.</source>
        <translation>Mã quét không phải văn bản UTF-8 nên đã bị bỏ qua: đặt máy quét gửi UTF-8 rồi quét lại.</translation>
    </message>
    <message>
        <source>A dialog is open: close it, then scan the ID card again.</source>
        <translation>Đang mở một hộp thoại: đóng hộp thoại rồi quét lại thẻ căn cước.</translation>
    </message>
    <message>
        <source>Filled from the ID card: check the name, citizen ID, date of birth, sex and address with the citizen, and correct what is wrong.</source>
        <translation>Đã điền từ thẻ căn cước: đối chiếu họ tên, số định danh, ngày sinh, giới tính và địa chỉ với công dân, sửa chỗ sai.</translation>
    </message>
</context>
<context>
    <name>SearchForm</name>
    <message>
        <source>F&amp;ind:</source>
        <translation>Tì&amp;m:</translation>
    </message>
    <message>
        <source>Dossier code, name (accents optional), citizen ID or phone</source>
        <translation>Mã hồ sơ, họ tên (có hoặc không dấu), số CCCD hoặc điện thoại</translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation>Tìm &amp;kiếm</translation>
    </message>
    <message>
        <source>Received &amp;between</source>
        <translation>Tiếp nhận &amp;trong khoảng</translation>
    </message>
</context>
<context>
    <name>SearchView</name>
    <message>
        <source>All statuses</source>
        <translation>Mọi trạng thái</translation>
    </message>
    <message>
        <source>All fields</source>
        <translation>Tất cả lĩnh vực</translation>
    </message>
    <message>
        <source>All departments</source>
        <translation>Tất cả phòng ban</translation>
    </message>
    <message>
        <source>{title}: {count}</source>
        <translation>{title}: {count}</translation>
    </message>
    <message>
        <source> (scroll for more)</source>
        <translation> (cuộn xuống để xem thêm)</translation>
    </message>
    <message>
        <source>The first {n} of {total} dossiers are shown</source>
        <translation>Đang hiện {n} hồ sơ đầu tiên trên tổng số {total}</translation>
    </message>
    <message>
        <source>{n} dossiers shown</source>
        <translation>Đang hiện {n} hồ sơ</translation>
    </message>
</context>
<context>
    <name>SettingsForm</name>
    <message>
        <source>Officer on duty</source>
        <translation>Cán bộ đang trực</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Họ tên:</translation>
    </message>
    <message>
        <source>&amp;Work phone:</source>
        <translation>Điện th&amp;oại:</translation>
    </message>
    <message>
        <source>Save the &amp;officer</source>
        <translation>Lưu &amp;cán bộ</translation>
    </message>
    <message>
        <source>Office hours and cut-off</source>
        <translation>Giờ làm việc và giờ chốt</translation>
    </message>
    <message>
        <source>Office hou&amp;rs:</source>
        <translation>Giờ &amp;làm việc:</translation>
    </message>
    <message>
        <source>&amp;Cut-off (next working day after):</source>
        <translation>Giờ chố&amp;t (sau giờ này tính từ ngày làm việc sau):</translation>
    </message>
    <message>
        <source>&amp;Transfer by (next morning):</source>
        <translation>Hạn ch&amp;uyển (sáng ngày làm việc sau):</translation>
    </message>
    <message>
        <source>Print a QR code on the slip</source>
        <translation>In mã QR trên phiếu hẹn</translation>
    </message>
    <message>
        <source>Sa&amp;ve the office hours</source>
        <translation>Lưu giờ làm &amp;việc</translation>
    </message>
    <message>
        <source>Working-day calendar</source>
        <translation>Lịch ngày làm việc</translation>
    </message>
    <message>
        <source>&amp;Year:</source>
        <translation>Nă&amp;m:</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Ngày</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Loại ngày</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Tên ngày</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Lý do</translation>
    </message>
    <message>
        <source>Legal reference (optional)</source>
        <translation>Căn cứ pháp lý (không bắt buộc)</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Thêm</translation>
    </message>
    <message>
        <source>Remove the selected local change</source>
        <translation>Xóa điều chỉnh đã chọn</translation>
    </message>
    <message>
        <source>Printers</source>
        <translation>Máy in</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Loại phiếu</translation>
    </message>
    <message>
        <source>Printer</source>
        <translation>Máy in</translation>
    </message>
    <message>
        <source>Choose the printer…</source>
        <translation>Chọn máy in…</translation>
    </message>
    <message>
        <source>Use the default printer</source>
        <translation>Dùng máy in mặc định</translation>
    </message>
    <message>
        <source>Language and files</source>
        <translation>Ngôn ngữ và tệp</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Ngôn ngữ:</translation>
    </message>
    <message>
        <source>The language changes at the next start.</source>
        <translation>Ngôn ngữ sẽ đổi từ lần mở chương trình sau.</translation>
    </message>
    <message>
        <source>Restore from a &amp;backup…</source>
        <translation>Khôi phục từ bản &amp;sao lưu…</translation>
    </message>
    <message>
        <source>Barcode scanner</source>
        <translation>Máy quét mã vạch</translation>
    </message>
    <message>
        <source>&amp;Mode:</source>
        <translation>Chế độ &amp;quét:</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>Cổng nối tiếp (&amp;W):</translation>
    </message>
    <message>
        <source>Find the ports</source>
        <translation>Tìm các cổng</translation>
    </message>
    <message>
        <source>&amp;Speed (baud):</source>
        <translation>Tốc độ (bau&amp;d):</translation>
    </message>
    <message>
        <source>A scanner in serial mode reads Vietnamese letters reliably (the citizen ID card&apos;s QR). Set the scanner itself to USB-COM (USB CDC) with its set-up barcodes, and to end each code with CR or LF.</source>
        <translation>Máy quét ở chế độ cổng nối tiếp đọc đúng chữ tiếng Việt (mã QR trên thẻ căn cước). Đặt chính máy quét sang USB-COM (USB CDC) bằng các mã vạch cài đặt của nó, và kết thúc mỗi mã bằng CR hoặc LF.</translation>
    </message>
    <message>
        <source>Save the sc&amp;anner</source>
        <translation>Lưu máy quét (&amp;E)</translation>
    </message>
    <message>
        <source>Document scanner</source>
        <translation>Máy quét tài liệu</translation>
    </message>
    <message>
        <source>The folder the office scanner saves its files into. Each new scan is offered to the dossier on screen; once attached it is moved into the subfolder da-gan.</source>
        <translation>Thư mục máy quét của cơ quan lưu tệp vào. Mỗi bản quét mới được đề nghị gắn vào hồ sơ đang mở; đã gắn thì tệp được chuyển vào thư mục con da-gan.</translation>
    </message>
    <message>
        <source>Save the scan folder</source>
        <translation>Lưu thư mục quét</translation>
    </message>
    <message>
        <source>Sync with the office server</source>
        <translation>Đồng bộ với máy chủ của cơ quan</translation>
    </message>
    <message>
        <source>Server a&amp;ddress:</source>
        <translation>Đị&amp;a chỉ máy chủ:</translation>
    </message>
    <message>
        <source>Access to&amp;ken:</source>
        <translation>Mã t&amp;ruy cập:</translation>
    </message>
    <message>
        <source>Server c&amp;ertificate (CA):</source>
        <translation>Chứng chỉ má&amp;y chủ (CA):</translation>
    </message>
    <message>
        <source>only for https:// with the office&apos;s own certificate (cert.pem)</source>
        <translation>chỉ cần với https:// dùng chứng chỉ riêng của cơ quan (cert.pem)</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Chọn…</translation>
    </message>
    <message>
        <source>Scan folder:</source>
        <translation>Thư mục quét:</translation>
    </message>
    <message>
        <source>Test the connect&amp;ion</source>
        <translation>&amp;Kiểm tra kết nối</translation>
    </message>
    <message>
        <source>Save without testing</source>
        <translation>Lưu, không kiểm tra</translation>
    </message>
    <message>
        <source>The office server gives each desk its own access token. Testing sends and receives once; the address and token are saved only when the server accepts them.</source>
        <translation>Máy chủ của cơ quan cấp cho mỗi bàn một mã truy cập riêng. Kiểm tra kết nối sẽ gửi và nhận một lượt; địa chỉ và mã chỉ được lưu khi máy chủ chấp nhận.</translation>
    </message>
    <message>
        <source>Field groups</source>
        <translation>Nhóm lĩnh vực</translation>
    </message>
    <message>
        <source>Groups, one a line (&quot;Name: field, field&quot;):</source>
        <translation>Mỗi dòng một nhóm, theo mẫu
&quot;Tên: lĩnh vực, lĩnh vực&quot;:</translation>
    </message>
    <message>
        <source>Group 1: Hộ tịch, Chứng thực
Group 2: Đất đai, Xây dựng</source>
        <translation>Nhóm 1: Hộ tịch, Chứng thực
Nhóm 2: Đất đai, Xây dựng</translation>
    </message>
    <message>
        <source>This desk serves:</source>
        <translation>Quầy này phục vụ:</translation>
    </message>
    <message>
        <source>Save the field groups (&amp;X)</source>
        <translation>Lưu danh sách nhóm (&amp;X)</translation>
    </message>
</context>
<context>
    <name>SettingsView</name>
    <message>
        <source>Extra day off</source>
        <translation>Thêm ngày nghỉ</translation>
    </message>
    <message>
        <source>Extra working day</source>
        <translation>Thêm ngày làm việc</translation>
    </message>
    <message>
        <source>The language changes at the next start.</source>
        <translation>Ngôn ngữ sẽ đổi từ lần mở chương trình sau.</translation>
    </message>
    <message>
        <source>Types like a keyboard (keyboard wedge)</source>
        <translation>Gõ như bàn phím (keyboard wedge)</translation>
    </message>
    <message>
        <source>Serial port (USB-COM / USB CDC)</source>
        <translation>Cổng nối tiếp (USB-COM / USB CDC)</translation>
    </message>
    <message>
        <source>e.g. COM3 or /dev/ttyACM0</source>
        <translation>ví dụ COM3 hoặc /dev/ttyACM0</translation>
    </message>
    <message>
        <source>Database: {db}
Log file: {log}
Settings: {ini}</source>
        <translation>Cơ sở dữ liệu: {db}
Tệp nhật ký: {log}
Tệp cài đặt: {ini}</translation>
    </message>
    <message>
        <source>Choose or type the scanner&apos;s serial port first.</source>
        <translation>Hãy chọn hoặc nhập cổng nối tiếp của máy quét trước.</translation>
    </message>
    <message>
        <source>Scanner saved: reading the serial port {port}.</source>
        <translation>Đã lưu máy quét: đang đọc cổng nối tiếp {port}.</translation>
    </message>
    <message>
        <source>Scanner saved: it types like a keyboard.</source>
        <translation>Đã lưu máy quét: máy quét gõ như bàn phím.</translation>
    </message>
    <message>
        <source>Officer saved.</source>
        <translation>Đã lưu cán bộ.</translation>
    </message>
    <message>
        <source>Office hours saved: new return dates follow them.</source>
        <translation>Đã lưu giờ làm việc: các ngày hẹn trả mới sẽ tính theo giờ này.</translation>
    </message>
    <message>
        <source>Fields in the catalog: {fields}.</source>
        <translation>Các lĩnh vực trong danh mục: {fields}.</translation>
    </message>
    <message>
        <source>Every field alike</source>
        <translation>Mọi lĩnh vực như nhau</translation>
    </message>
    <message>
        <source>{n} field group(s) saved.</source>
        <translation>Đã ghi {n} nhóm lĩnh vực.</translation>
    </message>
    <message>
        <source>Working day</source>
        <translation>Ngày làm việc</translation>
    </message>
    <message>
        <source>Weekend</source>
        <translation>Cuối tuần</translation>
    </message>
    <message>
        <source>Public holiday</source>
        <translation>Ngày lễ, Tết</translation>
    </message>
    <message>
        <source>Make-up working day</source>
        <translation>Ngày làm bù</translation>
    </message>
    <message>
        <source>Local day off</source>
        <translation>Ngày nghỉ bổ sung</translation>
    </message>
    <message>
        <source>Local working day</source>
        <translation>Ngày làm việc bổ sung</translation>
    </message>
    <message>
        <source>Calendar changed.</source>
        <translation>Đã cập nhật lịch làm việc.</translation>
    </message>
    <message>
        <source>Only local changes can be removed; public holidays come from the law.</source>
        <translation>Chỉ xóa được các điều chỉnh của đơn vị; ngày lễ do pháp luật quy định.</translation>
    </message>
    <message>
        <source>(default printer)</source>
        <translation>(máy in mặc định)</translation>
    </message>
    <message>
        <source>T&amp;urn sync off</source>
        <translation>Tắt đồng &amp;bộ</translation>
    </message>
    <message>
        <source>T&amp;urn sync on</source>
        <translation>&amp;Bật đồng bộ</translation>
    </message>
    <message>
        <source>This window was started without sync.</source>
        <translation>Cửa sổ này được mở mà không có đồng bộ.</translation>
    </message>
    <message>
        <source>The office server&apos;s certificate</source>
        <translation>Chứng chỉ của máy chủ cơ quan</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt *.cer);;All files (*)</source>
        <translation>Chứng chỉ (*.pem *.crt *.cer);;Mọi tệp (*)</translation>
    </message>
    <message>
        <source>Enter this desk&apos;s access token.</source>
        <translation>Nhập mã truy cập của bàn này.</translation>
    </message>
    <message>
        <source>Testing the connection with {url}…</source>
        <translation>Đang kiểm tra kết nối với {url}…</translation>
    </message>
    <message>
        <source>Connected: {sent} event(s) sent, {received} received. The address and token are saved; the desk syncs by itself from now on.</source>
        <translation>Đã kết nối: gửi {sent} sự kiện, nhận {received} sự kiện. Đã lưu địa chỉ và mã truy cập; từ nay bàn tự đồng bộ.</translation>
    </message>
    <message>
        <source>Saved. The desk syncs when the server answers; the status bar shows how it goes.</source>
        <translation>Đã lưu. Bàn sẽ đồng bộ khi máy chủ trả lời; xem tình trạng ở thanh trạng thái.</translation>
    </message>
    <message>
        <source>Sync is on.</source>
        <translation>Đã bật đồng bộ.</translation>
    </message>
    <message>
        <source>Sync is off: this desk keeps working and sends nothing until it is turned on again.</source>
        <translation>Đã tắt đồng bộ: bàn vẫn làm việc bình thường nhưng không gửi gì cho đến khi bật lại.</translation>
    </message>
    <message>
        <source>Restore from a backup</source>
        <translation>Khôi phục từ bản sao lưu</translation>
    </message>
    <message>
        <source>Desk databases (*.sqlite3 *.db);;All files (*)</source>
        <translation>Cơ sở dữ liệu của quầy (*.sqlite3 *.db);;Mọi tệp (*)</translation>
    </message>
    <message>
        <source>Put the backup {file} in place of this desk&apos;s database?</source>
        <translation>Dùng bản sao lưu {file} thay cho cơ sở dữ liệu hiện tại của quầy?</translation>
    </message>
    <message>
        <source>The current database is kept aside, not deleted. Dossier codes and ledger numbers continue after the current ones. If this desk syncs, it takes back from the office server the dossiers it made after the backup before it records anything new.</source>
        <translation>Cơ sở dữ liệu hiện tại được cất riêng, không bị xóa. Mã hồ sơ và số thứ tự trong sổ tiếp tục sau số hiện tại. Nếu quầy có đồng bộ, quầy sẽ lấy lại từ máy chủ các hồ sơ đã tiếp nhận sau thời điểm sao lưu trước khi ghi nhận việc mới.</translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation>&amp;Khôi phục</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <source>Restoring…</source>
        <translation>Đang khôi phục…</translation>
    </message>
    <message>
        <source>Restored from {file}.</source>
        <translation>Đã khôi phục từ {file}.</translation>
    </message>
    <message>
        <source>The replaced database is kept as {file}.</source>
        <translation>Cơ sở dữ liệu cũ được giữ tại {file}.</translation>
    </message>
    <message>
        <source>Sync with the office server before receiving dossiers: it gives back the dossiers this desk made after the backup.</source>
        <translation>Hãy đồng bộ với máy chủ trước khi tiếp nhận hồ sơ: máy chủ trả lại các hồ sơ quầy này đã tiếp nhận sau thời điểm sao lưu.</translation>
    </message>
    <message>
        <source>The scanner&apos;s folder</source>
        <translation>Thư mục của máy quét</translation>
    </message>
    <message>
        <source>There is no folder {folder}.</source>
        <translation>Không có thư mục {folder}.</translation>
    </message>
    <message>
        <source>Scan folder saved: new scans in {folder} are offered to the dossier on screen.</source>
        <translation>Đã lưu thư mục quét: bản quét mới trong {folder} sẽ được đề nghị gắn vào hồ sơ đang mở.</translation>
    </message>
    <message>
        <source>No scan folder: scans are attached from a file only.</source>
        <translation>Không dùng thư mục quét: bản quét chỉ được gắn từ tệp.</translation>
    </message>
</context>
<context>
    <name>SyncExceptions</name>
    <message>
        <source>An event received from the server does not have the form every event must have; it was kept aside and not applied.</source>
        <translation>Một sự kiện nhận từ máy chủ không đúng khuôn dạng bắt buộc; sự kiện được giữ riêng và không được áp dụng.</translation>
    </message>
    <message>
        <source>The server sent something that is not an event; it was kept aside.</source>
        <translation>Máy chủ gửi một dữ liệu không phải là sự kiện; dữ liệu được giữ riêng.</translation>
    </message>
    <message>
        <source>An event received from the server does not match its checksum (altered or damaged); it was kept aside and not applied.</source>
        <translation>Một sự kiện nhận từ máy chủ không khớp mã kiểm tra (đã bị sửa hoặc hỏng); sự kiện được giữ riêng và không được áp dụng.</translation>
    </message>
    <message>
        <source>Hub data altered: the server now sends a different content for an event this desk already holds. This desk keeps its original.</source>
        <translation>Dữ liệu máy chủ đã bị sửa: máy chủ gửi nội dung khác cho một sự kiện mà quầy này đã có. Quầy giữ nguyên bản gốc.</translation>
    </message>
    <message>
        <source>An event received from the server does not follow the previous event of its desk (the chain is broken); it was kept aside and not applied.</source>
        <translation>Một sự kiện nhận từ máy chủ không nối tiếp sự kiện trước đó của quầy đã tạo ra nó (chuỗi bị đứt); sự kiện được giữ riêng và không được áp dụng.</translation>
    </message>
    <message>
        <source>Two different events claim the same place in one desk&apos;s record; the second was kept aside.</source>
        <translation>Hai sự kiện khác nhau cùng chiếm một vị trí trong sổ ghi của một quầy; sự kiện thứ hai được giữ riêng.</translation>
    </message>
    <message>
        <source>An event arrived before the events of its desk that come before it; it waits for them.</source>
        <translation>Một sự kiện đến trước các sự kiện đứng trước nó của cùng quầy; sự kiện đang chờ các sự kiện đó.</translation>
    </message>
    <message>
        <source>An event was recorded while the clock of its desk was wrong (before 2020); it was applied, but the times it shows are wrong.</source>
        <translation>Một sự kiện được ghi khi đồng hồ của quầy tạo ra nó bị sai (trước năm 2020); sự kiện đã được áp dụng nhưng thời gian ghi trên đó không đúng.</translation>
    </message>
    <message>
        <source>An event was recorded with a clock far ahead of this computer&apos;s; it was applied without moving this desk&apos;s clock.</source>
        <translation>Một sự kiện được ghi với đồng hồ nhanh hơn nhiều so với máy này; sự kiện đã được áp dụng mà không làm thay đổi đồng hồ của quầy.</translation>
    </message>
    <message>
        <source>Dossier: {code}.</source>
        <translation>Hồ sơ: {code}.</translation>
    </message>
    <message>
        <source>Nothing: it is applied by itself when the missing events arrive. Mark this seen.</source>
        <translation>Không cần làm gì: sự kiện sẽ tự được áp dụng khi các sự kiện còn thiếu đến. Đánh dấu đã xem.</translation>
    </message>
    <message>
        <source>The dossier is handled as usual. Ask IT to set the clock of the desk that made it right, then mark this seen.</source>
        <translation>Hồ sơ vẫn được xử lý bình thường. Báo bộ phận CNTT chỉnh lại đồng hồ của quầy đã tạo sự kiện, rồi đánh dấu đã xem.</translation>
    </message>
    <message>
        <source>Nothing to do at the counter: the other events go on. Call IT: the server&apos;s data must be checked (motcua-desk hub verify). Then mark this seen.</source>
        <translation>Tại quầy không cần làm gì: các sự kiện khác vẫn tiếp tục. Báo bộ phận CNTT kiểm tra dữ liệu máy chủ (motcua-desk hub verify), rồi đánh dấu đã xem.</translation>
    </message>
    <message>
        <source>this desk</source>
        <translation>bàn này</translation>
    </message>
    <message>
        <source>another desk</source>
        <translation>bàn khác</translation>
    </message>
    <message>
        <source>an officer</source>
        <translation>một cán bộ</translation>
    </message>
    <message>
        <source>The new return date set by {officer} ({where}) at {time} was not applied: a dossier&apos;s return date may be reset only once, and another desk&apos;s new date came first.</source>
        <translation>Ngày hẹn trả mới do {officer} ({where}) đặt lúc {time} không được áp dụng: mỗi hồ sơ chỉ được hẹn lại ngày trả một lần, và ngày hẹn mới của bàn khác đã có trước.</translation>
    </message>
    <message>
        <source>The satisfaction rating given at {officer}&apos;s desk ({where}) at {time} was not kept: a dossier is rated once, and another desk&apos;s rating came first.</source>
        <translation>Đánh giá mức độ hài lòng ghi tại bàn của {officer} ({where}) lúc {time} không được giữ: mỗi hồ sơ chỉ được đánh giá một lần, và đánh giá của bàn khác đã có trước.</translation>
    </message>
    <message>
        <source>A second receipt of this dossier code by {officer} ({where}) at {time} was ignored: the same code was issued twice.</source>
        <translation>Lần tiếp nhận thứ hai với mã hồ sơ này do {officer} ({where}) làm lúc {time} đã bị bỏ qua: cùng một mã đã được cấp hai lần.</translation>
    </message>
    <message>
        <source>“{action}” by {officer} ({where}) at {time} was not applied: when the desks&apos; actions were put in their agreed order, the dossier was already “{status}”.</source>
        <translation>Việc “{action}” do {officer} ({where}) làm lúc {time} không được áp dụng: khi xếp việc của các bàn theo thứ tự chung, hồ sơ lúc đó đã ở trạng thái “{status}”.</translation>
    </message>
    <message>
        <source>What stands: “{action}” by {officer} ({where}) at {time}.</source>
        <translation>Việc được giữ: “{action}” do {officer} ({where}) làm lúc {time}.</translation>
    </message>
    <message>
        <source>The result is recorded as handed to {name}.</source>
        <translation>Kết quả được ghi là đã trao cho {name}.</translation>
    </message>
    <message>
        <source>Return date in force: {due}.</source>
        <translation>Ngày hẹn trả đang có hiệu lực: {due}.</translation>
    </message>
    <message>
        <source>The dossier code was used twice (two desks set up with the same desk number?). Contact IT before printing anything more for this code, then mark this seen.</source>
        <translation>Mã hồ sơ này đã bị dùng hai lần (có thể hai bàn được đặt cùng số bàn). Liên hệ bộ phận CNTT trước khi in thêm giấy tờ nào cho mã này, rồi đánh dấu đã xem.</translation>
    </message>
    <message>
        <source>The first rating stands; nothing else to do. Mark this seen.</source>
        <translation>Đánh giá đầu tiên được giữ; không cần làm gì thêm. Đánh dấu đã xem.</translation>
    </message>
    <message>
        <source>The first new date stands. Tell the citizen the return date in force; if you had promised another date, add a note on the dossier. Then mark this seen.</source>
        <translation>Ngày hẹn lại đầu tiên được giữ. Báo cho công dân ngày hẹn trả đang có hiệu lực; nếu đã hẹn công dân ngày khác, ghi chú vào hồ sơ. Sau đó đánh dấu đã xem.</translation>
    </message>
    <message>
        <source>The result was handed out twice. Check with the citizen who actually collected it (compare the return records of both desks), add a note on the dossier of what you found, then mark this seen.</source>
        <translation>Kết quả đã được trả hai lần. Liên hệ công dân để xác định ai đã thực sự nhận kết quả (đối chiếu ghi nhận trả kết quả của cả hai bàn), ghi chú vào hồ sơ điều đã xác định, rồi đánh dấu đã xem.</translation>
    </message>
    <message>
        <source>The new date has no effect: the dossier had already moved on. If the citizen was told a new date, call them; add a note on the dossier, then mark this seen.</source>
        <translation>Ngày hẹn mới không có hiệu lực vì hồ sơ đã chuyển sang bước khác. Nếu đã báo công dân ngày hẹn mới, hãy liên hệ lại; ghi chú vào hồ sơ, rồi đánh dấu đã xem.</translation>
    </message>
    <message>
        <source>Another desk moved this dossier first. Open it, check its timeline with the department or the citizen, do the step again if it is still needed, add a note, then mark this seen.</source>
        <translation>Một bàn khác đã xử lý hồ sơ này trước. Mở hồ sơ, đối chiếu quá trình xử lý với phòng chuyên môn hoặc công dân, làm lại bước này nếu vẫn cần, ghi chú vào hồ sơ, rồi đánh dấu đã xem.</translation>
    </message>
</context>
<context>
    <name>SyncExceptionsDialog</name>
    <message>
        <source>&amp;Open the dossier</source>
        <translation>&amp;Mở hồ sơ</translation>
    </message>
    <message>
        <source>Mark as &amp;seen</source>
        <translation>Đánh dấu đã &amp;xem</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <source>Events waiting to be sent: {n}</source>
        <translation>Sự kiện chờ gửi: {n}</translation>
    </message>
    <message>
        <source>Last successful sync: {when}</source>
        <translation>Đồng bộ thành công lần cuối: {when}</translation>
    </message>
    <message>
        <source>Never synced</source>
        <translation>Chưa đồng bộ lần nào</translation>
    </message>
    <message>
        <source>Set up the office server in Settings, Sync.</source>
        <translation>Thiết lập máy chủ của cơ quan trong Cài đặt, mục Đồng bộ.</translation>
    </message>
    <message>
        <source>{n} sync exception(s): an action of one desk could not apply because another desk acted on the same dossier while they could not see each other. Nothing was deleted: both actions are in the dossier&apos;s timeline.</source>
        <translation>{n} ngoại lệ đồng bộ: việc của một bàn không áp dụng được vì một bàn khác đã xử lý cùng hồ sơ trong lúc hai bàn mất kết nối với nhau. Không có gì bị xóa: cả hai việc đều nằm trong quá trình xử lý của hồ sơ.</translation>
    </message>
    <message>
        <source>No sync exceptions: what the desks did fits together.</source>
        <translation>Không có ngoại lệ đồng bộ: việc của các bàn khớp với nhau.</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>Chuyện gì đã xảy ra</translation>
    </message>
    <message>
        <source>What to do</source>
        <translation>Cán bộ cần làm gì</translation>
    </message>
</context>
<context>
    <name>SyncExceptionsForm</name>
    <message>
        <source>Sync and sync exceptions</source>
        <translation>Đồng bộ và ngoại lệ đồng bộ</translation>
    </message>
    <message>
        <source>Sync &amp;now</source>
        <translation>Đồng bộ &amp;ngay</translation>
    </message>
    <message>
        <source>Sync settings</source>
        <translation>Cài đặt đồng bộ</translation>
    </message>
    <message>
        <source>Dossier</source>
        <translation>Hồ sơ</translation>
    </message>
    <message>
        <source>Action not applied</source>
        <translation>Việc không được áp dụng</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Người làm</translation>
    </message>
    <message>
        <source>At</source>
        <translation>Lúc</translation>
    </message>
</context>
<context>
    <name>SyncStatus</name>
    <message>
        <source>Sync: not set up</source>
        <translation>Đồng bộ: chưa thiết lập</translation>
    </message>
    <message>
        <source>Sync: turned off</source>
        <translation>Đồng bộ: đã tắt</translation>
    </message>
    <message>
        <source>◌ Connecting</source>
        <translation>◌ Đang kết nối</translation>
    </message>
    <message>
        <source>⟳ Syncing</source>
        <translation>⟳ Đang đồng bộ</translation>
    </message>
    <message>
        <source>● Online</source>
        <translation>● Trực tuyến</translation>
    </message>
    <message>
        <source>○ Offline</source>
        <translation>○ Ngoại tuyến</translation>
    </message>
    <message>
        <source>⚠ Refused by the server</source>
        <translation>⚠ Máy chủ từ chối</translation>
    </message>
    <message>
        <source>⚠ Sync error</source>
        <translation>⚠ Lỗi đồng bộ</translation>
    </message>
    <message>
        <source>{n} min</source>
        <translation>{n} phút</translation>
    </message>
    <message>
        <source>{n} h</source>
        <translation>{n} giờ</translation>
    </message>
    <message>
        <source>{n} days</source>
        <translation>{n} ngày</translation>
    </message>
    <message>
        <source>This computer&apos;s clock is {amount} ahead of the server&apos;s: set the clock right (the times printed on forms would be wrong).</source>
        <translation>Đồng hồ của máy này nhanh hơn máy chủ {amount}: hãy chỉnh lại giờ (giờ in trên các mẫu giấy tờ sẽ bị sai).</translation>
    </message>
    <message>
        <source>This computer&apos;s clock is {amount} behind the server&apos;s: set the clock right (the times printed on forms would be wrong).</source>
        <translation>Đồng hồ của máy này chậm hơn máy chủ {amount}: hãy chỉnh lại giờ (giờ in trên các mẫu giấy tờ sẽ bị sai).</translation>
    </message>
    <message>
        <source>Click to see where sync stands and the sync exceptions.</source>
        <translation>Bấm để xem tình trạng đồng bộ và các ngoại lệ đồng bộ.</translation>
    </message>
    <message>
        <source>Unsent: {n}</source>
        <translation>Chưa gửi: {n}</translation>
    </message>
    <message>
        <source>Last sync: {when}</source>
        <translation>Đồng bộ lúc: {when}</translation>
    </message>
    <message>
        <source>Never synced</source>
        <translation>Chưa đồng bộ lần nào</translation>
    </message>
    <message>
        <source>Sync exceptions: {n}</source>
        <translation>Ngoại lệ đồng bộ: {n}</translation>
    </message>
    <message>
        <source>⚠ Clock off by {amount}</source>
        <translation>⚠ Đồng hồ lệch {amount}</translation>
    </message>
</context>
<context>
    <name>SyncView</name>
    <message>
        <source>A scanned file of this desk is missing or damaged and could not be sent: restore the files folder from a backup, or attach the scan again (motcua-desk digitise verify lists them).</source>
        <translation>Một tệp bản quét của quầy này bị mất hoặc hỏng nên chưa gửi được: hãy khôi phục thư mục tệp từ bản sao lưu, hoặc gắn lại bản quét (lệnh motcua-desk digitise verify liệt kê các tệp đó).</translation>
    </message>
    <message>
        <source>Some scanned files are not on the hub yet; they come with a later sync.</source>
        <translation>Một số tệp bản quét chưa có trên máy chủ; chúng sẽ về ở lần đồng bộ sau.</translation>
    </message>
</context>
<context>
    <name>TodayForm</name>
    <message>
        <source>Today</source>
        <translation>Hôm nay</translation>
    </message>
</context>
<context>
    <name>TodayView</name>
    <message>
        <source>The counts could not be read.</source>
        <translation>Không đọc được số liệu.</translation>
    </message>
    <message>
        <source>Counted at {time}</source>
        <translation>Cập nhật lúc {time}</translation>
    </message>
</context>
<context>
    <name>UpgradeNotice</name>
    <message>
        <source>The database was upgraded to schema %1 (a backup was made first).</source>
        <translation>Cơ sở dữ liệu đã được nâng cấp lên phiên bản %1 (đã sao lưu trước khi nâng cấp).</translation>
    </message>
    <message>
        <source>Upgrading the database to schema %1: %2 % (a backup first, then the upgrade). Please wait, the desk opens when it is done.</source>
        <translation>Đang nâng cấp cơ sở dữ liệu lên phiên bản %1: %2 % (sao lưu trước, rồi nâng cấp). Xin chờ, quầy sẽ mở khi nâng cấp xong.</translation>
    </message>
</context>
<context>
    <name>ValueDialog</name>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
</context>
<context>
    <name>_SummaryPage</name>
    <message>
        <source>Electronic id</source>
        <translation>Mã định danh</translation>
    </message>
    <message>
        <source>Agency</source>
        <translation>Cơ quan</translation>
    </message>
    <message>
        <source>Parent authority</source>
        <translation>Cơ quan cấp trên</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Địa danh</translation>
    </message>
    <message>
        <source>Desk number</source>
        <translation>Số quầy</translation>
    </message>
    <message>
        <source>Officer</source>
        <translation>Cán bộ</translation>
    </message>
    <message>
        <source>Officer&apos;s phone</source>
        <translation>Điện thoại cán bộ</translation>
    </message>
    <message>
        <source>First dossier code of a day</source>
        <translation>Mã hồ sơ đầu tiên trong ngày</translation>
    </message>
</context>
</TS>
