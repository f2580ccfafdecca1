/**
 * The nine reasons for which the editorial board refuses to publish, Art. 11 of Decision
 * 400/QĐ-BKHCN (19 March 2024), seeded into the catalogue on the first start. Administrators may
 * reword them later; rejections keep the wording they were made with.
 */
export interface ReasonSeed {
  code: string;
  article: number;
  labelVi: string;
  labelEn: string;
  descriptionVi: string;
  descriptionEn: string;
  authorTextVi: string;
  authorTextEn: string;
}

/** Date the regulation took effect: the day it was signed (Art. 2 of the Decision). */
export const REGULATION_EFFECTIVE_FROM = '2024-03-19T00:00:00+07:00';

const legalBasisVi = (clause: number) => `Khoản ${clause} Điều 11 Quy chế ban hành kèm theo Quyết định số 400/QĐ-BKHCN ngày 19/3/2024`;
const legalBasisEn = (clause: number) => `Art. 11(${clause}), regulation issued with Decision 400/QĐ-BKHCN of 19 March 2024`;

export const legalBasis = (seed: ReasonSeed) => ({ legalBasisVi: legalBasisVi(seed.article), legalBasisEn: legalBasisEn(seed.article) });

export const STATUTORY_REASONS: ReasonSeed[] = [
  {
    code: 'R11.1',
    article: 1,
    labelVi: 'Nơi nhận không có Cổng thông tin, hoặc ngoài phạm vi cung cấp',
    labelEn: 'Recipients list omits the portal, or outside the scope',
    descriptionVi:
      'Văn bản tại Nơi nhận không có nội dung "Cổng thông tin điện tử Bộ Khoa học và Công nghệ"; hoặc thông tin không thuộc phạm vi bắt buộc phải cung cấp trên cổng thông tin của cơ quan nhà nước, hoặc không thuộc lĩnh vực quản lý của Bộ.',
    descriptionEn:
      'The document\'s recipients list ("Nơi nhận") does not name the ministry\'s portal; or the information is outside what state portals must carry, or outside the ministry\'s field.',
    authorTextVi:
      'Văn bản chưa ghi "Cổng thông tin điện tử Bộ Khoa học và Công nghệ" tại mục Nơi nhận, hoặc nội dung không thuộc phạm vi đăng tải của Cổng. Đề nghị bổ sung Nơi nhận hoặc gửi qua kênh phù hợp.',
    authorTextEn:
      'The document does not name "the electronic portal of the Ministry of Science and Technology" in its recipients list, or its content is outside what the portal publishes. Please add the portal to the recipients list or send it through the right channel.',
  },
  {
    code: 'R11.2',
    article: 2,
    labelVi: 'Không phù hợp chủ trương của Đảng, pháp luật của Nhà nước',
    labelEn: 'Inconsistent with Party policy or State law',
    descriptionVi: 'Thông tin có nội dung không phù hợp với chủ trương, đường lối, chính sách của Đảng, pháp luật của Nhà nước.',
    descriptionEn: 'The content is inconsistent with the guidelines and policies of the Party or the law of the State.',
    authorTextVi: 'Nội dung chưa phù hợp với chủ trương, chính sách của Đảng và pháp luật của Nhà nước nên không được đăng tải.',
    authorTextEn: 'The content is not consistent with the policies of the Party and the law of the State, so it cannot be published.',
  },
  {
    code: 'R11.3',
    article: 3,
    labelVi: 'Đã được quyết định nhưng chưa phổ biến công khai',
    labelEn: 'Decided but not yet made public',
    descriptionVi: 'Thông tin đã được cấp có thẩm quyền quyết định nhưng chưa phổ biến công khai hoặc chỉ phổ biến trong phạm vi hẹp.',
    descriptionEn: 'The competent authority has decided on the information, but it has not been made public yet or is meant for a narrow audience only.',
    authorTextVi: 'Thông tin chưa được cấp có thẩm quyền cho phép phổ biến công khai. Đề nghị gửi lại khi thông tin được phép công bố rộng rãi.',
    authorTextEn: 'The competent authority has not yet released this information to the public. Please send it again once it may be published.',
  },
  {
    code: 'R11.4',
    article: 4,
    labelVi: 'Không rõ nguồn gốc hoặc không đúng sự thật',
    labelEn: 'Unclear origin or untrue',
    descriptionVi: 'Thông tin không rõ nguồn gốc hoặc không đúng sự thật.',
    descriptionEn: 'The origin of the information is unclear, or the information is untrue.',
    authorTextVi: 'Thông tin chưa rõ nguồn gốc hoặc chưa được xác thực. Đề nghị ghi rõ nguồn và cung cấp căn cứ xác thực.',
    authorTextEn: 'The origin of the information is unclear or it could not be verified. Please state the source and give evidence for it.',
  },
  {
    code: 'R11.5',
    article: 5,
    labelVi: 'Trùng lặp nội dung đã đăng tải',
    labelEn: 'Duplicate of published content',
    descriptionVi: 'Thông tin trùng lặp nội dung đã được đăng tải trên Cổng thông tin.',
    descriptionEn: 'The information repeats content already published on the portal.',
    authorTextVi: 'Nội dung trùng lặp với tin, bài đã được đăng tải trên Cổng thông tin.',
    authorTextEn: 'The content repeats an item already published on the portal.',
  },
  {
    code: 'R11.6',
    article: 6,
    labelVi: 'Không bảo đảm chất lượng, không được làm rõ',
    labelEn: 'Quality not ensured, clarification not given',
    descriptionVi:
      'Thông tin không bảo đảm chất lượng; Ban biên tập đã đề nghị tác giả cung cấp thông tin xác thực, bổ sung hoặc làm rõ nhưng không được chấp nhận.',
    descriptionEn: 'The quality is not ensured: the board asked the author to verify, supplement or clarify the information, and this was not done.',
    authorTextVi: 'Thông tin chưa bảo đảm chất lượng và chưa được bổ sung, làm rõ theo đề nghị của Ban biên tập.',
    authorTextEn: 'The information does not meet the quality required, and the verification or clarification the board asked for was not given.',
  },
  {
    code: 'R11.7',
    article: 7,
    labelVi: 'Gửi quá thời hạn cung cấp tin, bài sự kiện',
    labelEn: 'Event item sent after the deadline',
    descriptionVi:
      'Thông tin không thực hiện đúng quy định tại điểm d khoản 2 Điều 10: tin, bài gửi quá 12 giờ sau khi sự kiện (một buổi) kết thúc, hoặc sau lễ khai mạc, bế mạc của sự kiện kéo dài.',
    descriptionEn:
      'Sent in breach of Art. 10(2)(d): the item arrived more than 12 hours after a single-session event ended, or after the opening or closing ceremony of a longer event.',
    authorTextVi: 'Tin, bài được gửi quá 12 giờ kể từ khi sự kiện kết thúc (hoặc kể từ lễ khai mạc, bế mạc) nên không còn bảo đảm tính thời sự.',
    authorTextEn: 'The item was sent more than 12 hours after the event ended (or after its opening or closing ceremony), so it is no longer timely.',
  },
  {
    code: 'R11.8',
    article: 8,
    labelVi: 'Thông tin chuyên sâu cần thẩm định',
    labelEn: 'Specialist information that needs appraisal',
    descriptionVi: 'Thông tin chuyên sâu, chuyên ngành cần phải thẩm định trước khi đăng tải.',
    descriptionEn: 'In-depth specialist information that must be appraised before it is published.',
    authorTextVi: 'Nội dung chuyên sâu, chuyên ngành cần được thẩm định trước khi đăng tải. Đề nghị gửi kèm ý kiến thẩm định.',
    authorTextEn: 'The content is specialist material that must be appraised before publication. Please send it with the appraisal.',
  },
  {
    code: 'R11.9',
    article: 9,
    labelVi: 'Thông tin khác pháp luật không cho đăng',
    labelEn: 'Other information the law forbids',
    descriptionVi: 'Các thông tin khác theo quy định của pháp luật không được đăng lên Cổng/Trang thông tin điện tử.',
    descriptionEn: 'Other information that the law does not allow on state portals and websites.',
    authorTextVi: 'Theo quy định của pháp luật, thông tin này không được đăng tải trên cổng thông tin điện tử của cơ quan nhà nước.',
    authorTextEn: 'The law does not allow this information on the portals of state agencies.',
  },
];
