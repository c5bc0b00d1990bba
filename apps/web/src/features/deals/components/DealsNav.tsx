import { Tabs } from '@mantine/core';
import { IconChartFunnel, IconFileCertificate, IconPackages } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate, useSearchParams } from 'react-router';

const TABS = [
  { value: '/deals/pipeline', key: 'nav.pipeline', icon: IconChartFunnel },
  { value: '/deals/samples', key: 'nav.samples', icon: IconPackages },
  { value: '/deals/contracts', key: 'nav.contracts', icon: IconFileCertificate },
] as const;

/** Pipeline · Samples · Contracts, keeping the chosen fair. */
export function DealsNav() {
  const { t } = useTranslation('deals');
  const { pathname } = useLocation();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const active = TABS.find((tab) => pathname.startsWith(tab.value))?.value ?? null;
  const fair = params.get('fair');
  return (
    <Tabs
      value={active}
      onChange={(v) => v && void navigate(`${v}${fair ? `?fair=${fair}` : ''}`)}
      mb="md"
      data-testid="deals-nav"
    >
      <Tabs.List>
        {TABS.map(({ value, key, icon: Icon }) => (
          <Tabs.Tab key={value} value={value} leftSection={<Icon size={16} />}>
            {t(key)}
          </Tabs.Tab>
        ))}
      </Tabs.List>
    </Tabs>
  );
}
