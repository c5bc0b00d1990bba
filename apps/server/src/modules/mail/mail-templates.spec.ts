import { I18nService } from '../../common/i18n.service';
import { renderMail } from './mail-templates';

describe('meeting e-mails', () => {
  const i18n = new I18nService();
  // as MeetingEventsService writes it: the start in the fair's zone, in the reader's language
  const time = {
    vi: '09:30 Thứ 5, 3 thg 12, 2026 (Asia/Ho_Chi_Minh)',
    en: 'Thu, 3 Dec 2026, 09:30 (Asia/Ho_Chi_Minh)',
  };
  const params = (lng: 'vi' | 'en', type: 'meeting.scheduled' | 'meeting.accepted') => ({
    name: 'Lan',
    type,
    link: 'https://craftmatch.test/meetings/m1',
    data: {
      meetingId: 'm1',
      fairId: 'f1',
      fairName: lng === 'vi' ? 'Hội chợ Làng nghề' : 'Craft Village Fair',
      companyName: 'Gốm Bát Tràng',
      time: time[lng],
    },
  });

  it('tells of a meeting the organizers scheduled, in English, with the time in the fair’s zone', () => {
    const mail = renderMail(i18n, 'en', 'meetingEvent', params('en', 'meeting.scheduled'));
    expect(mail.subject).toBe('Meeting scheduled by the organizers');
    expect(mail.text).toContain('Hello Lan,');
    expect(mail.text).toContain(
      'The organizers of Craft Village Fair scheduled your meeting with Gốm Bát Tràng at Thu, 3 Dec 2026, 09:30 (Asia/Ho_Chi_Minh).',
    );
    expect(mail.text).toContain('No reply is needed');
    expect(mail.text).not.toContain('accepted');
    expect(mail.text).toContain('https://craftmatch.test/meetings/m1');
    expect(mail.html).toContain('lang="en"');
    expect(mail.html).toContain('No reply is needed');
  });

  it('tells of a meeting the organizers scheduled, in Vietnamese', () => {
    const mail = renderMail(i18n, 'vi', 'meetingEvent', params('vi', 'meeting.scheduled'));
    expect(mail.subject).toBe('Ban tổ chức đã xếp lịch gặp');
    expect(mail.text).toContain('Xin chào Lan,');
    expect(mail.text).toContain(
      `Ban tổ chức Hội chợ Làng nghề đã xếp lịch gặp của bạn với Gốm Bát Tràng vào ${time.vi}.`,
    );
    expect(mail.text).toContain('vào 09:30 Thứ 5, 3 thg 12, 2026 (Asia/Ho_Chi_Minh)');
    expect(mail.text).toContain('Bạn không cần trả lời');
    expect(mail.html).toContain('lang="vi"');
  });

  it('keeps the note about scheduled meetings out of the other meeting e-mails', () => {
    const mail = renderMail(i18n, 'en', 'meetingEvent', params('en', 'meeting.accepted'));
    expect(mail.subject).toBe('Meeting accepted');
    expect(mail.text).toContain('Gốm Bát Tràng accepted your meeting at Craft Village Fair.');
    expect(mail.text).not.toContain('No reply is needed');
  });
});
